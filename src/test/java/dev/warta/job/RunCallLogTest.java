package dev.warta.job;

import dev.warta.llm.http.CallLog;
import dev.warta.store.ModelAnswerRepository;
import dev.warta.store.ModelCallRepository;
import dev.warta.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call log's promises when many model-call threads write at once and their work shares commits (group commit):
 * a call's row is in the database before the caller goes on to send it, an answer before the caller goes on to use
 * it, and the same request answered twice at once (a duplicate key inside a shared commit) spoils nothing of the
 * others. Checked from another connection, on H2 and on PostgreSQL.
 */
class RunCallLogTest {

    private static final int THREADS = 24;
    private static final int CALLS_PER_THREAD = 6;

    @TempDir
    Path work;

    @Test
    void everyRowAndAnswerIsCommittedBeforeItsCallerGoesOnOnH2() throws Exception {
        manyCallersAtOnce(TestDatabase.h2(work), "h2");
    }

    @Test
    void everyRowAndAnswerIsCommittedBeforeItsCallerGoesOnOnPostgres() throws Exception {
        manyCallersAtOnce(TestDatabase.postgres(), "postgresql");
    }

    private void manyCallersAtOnce(TestDatabase database, String vendor) throws Exception {
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/" + vendor).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        RunCallLog log = new RunCallLog(new ModelAnswerRepository(jdbc, transactions),
                new ModelCallRepository(jdbc, transactions), transactions);
        log.belongTo(7, false);
        // what another process (the next run after a kill -9) would see: its own connection, nothing shared
        JdbcTemplate elsewhere = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                start.await();
                List<String> seenLate = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String call = log.sending(0);
                    if (elsewhere.queryForObject("SELECT COUNT(*) FROM warta_model_call WHERE id = ?",
                            Integer.class, call) != 1) {
                        seenLate.add("call row " + call);
                    }
                    // every request is also sent by two other threads at the same moment: one answer is kept
                    String key = "request-" + i + "-" + (thread % (THREADS / 3));
                    String body = "{\"answer\": \"" + key + " by thread " + thread + "\"}";
                    log.answered(call, new CallLog.Result(CallLog.Outcome.ANSWERED, 200, 100, 40, false, 500), log,
                            key, body);
                    if (elsewhere.queryForList("SELECT body FROM warta_model_answer WHERE request_key = ?",
                            String.class, key).size() != 1) {
                        seenLate.add("answer " + key);
                    }
                    if (!"answered".equals(elsewhere.queryForObject(
                            "SELECT outcome FROM warta_model_call WHERE id = ?", String.class, call))) {
                        seenLate.add("end of call " + call);
                    }
                    assertThat(log.find(key)).as("the answer kept for %s", key).isPresent();
                }
                return seenLate;
            }));
        }
        start.countDown();
        List<String> seenLate = new ArrayList<>();
        for (Future<List<String>> thread : done) {
            seenLate.addAll(thread.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(seenLate).as("written but not yet committed when the caller went on").isEmpty();
        ModelCallRepository.Totals totals = new ModelCallRepository(elsewhere, transactions).totals(7);
        assertThat(totals.calls()).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertThat(totals.promptTokens()).isEqualTo(THREADS * CALLS_PER_THREAD * 100L);
        assertThat(elsewhere.queryForObject("SELECT COUNT(*) FROM warta_model_call WHERE outcome <> 'answered'",
                Integer.class)).isZero();
        assertThat(elsewhere.queryForObject("SELECT COUNT(*) FROM warta_model_answer", Integer.class))
                .isEqualTo(CALLS_PER_THREAD * (THREADS / 3));
    }
}
