package dev.warta.store;

import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.article.Usage;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The processor time of the database writes a translated article costs outside its article row, with H2 as Warta
 * opens it ({@code WRITE_DELAY=0}: every commit writes its pages), in one thread, without the rest of the job: the
 * call row before sending, the kept answer with the call's end, and the translation cache entry, once in a
 * transaction of its own per article ({@code own}: before) and once eight to a transaction, as the chunk's writer
 * now writes them ({@code chunk}). It is a command, not a test; the two ways alternate on fresh database files.
 * <pre>
 * java -cp … dev.warta.store.CommitCostBenchmark [articles 2000] [rounds 3]
 * </pre>
 */
public final class CommitCostBenchmark {

    private static final int CHUNK = 8;

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            for (boolean inChunk : new boolean[] {false, true}) {
                System.out.printf("round %d, cache entries %s: %s%n", round, inChunk ? "8 to a chunk" : "own commit",
                        once(articles, inChunk));
            }
        }
    }

    private static String once(int articles, boolean inChunk) throws Exception {
        Path work = Files.createTempDirectory("warta-commit-cost");
        String url = "jdbc:h2:file:" + work.resolve("warta") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=16384"
                + ";LOB_TIMEOUT=10000";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        dataSource.setAutoCommit(true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        ModelCallRepository calls = new ModelCallRepository(jdbc, transactions);
        ModelAnswerRepository answers = new ModelAnswerRepository(jdbc, transactions);
        TranslationCache cache = new TranslationCache(jdbc, transactions, SqlDialect.of(jdbc));
        TransactionTemplate chunk = new TransactionTemplate(transactions);
        Random random = new Random(42);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        List<TranslationCache.Entry> waiting = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String call = calls.sending(7L, 0);
            String key = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            String body = answerBody(random, i);
            answers.keepWith(key, body, false, () -> calls.finished(call, "answered", 200, 2365, 1070, false, 500));
            TranslationCache.Entry entry = new TranslationCache.Entry(key, "article-" + i, "gpt-4o-mini|v1|en",
                    translation(random, i));
            if (inChunk) {
                waiting.add(entry);
                if (waiting.size() == CHUNK) {
                    chunk.executeWithoutResult(status -> waiting.forEach(cache::putInCallersTransaction));
                    waiting.clear();
                }
            } else {
                cache.put(entry.key(), entry.articleId(), entry.fingerprint(), entry.translation());
            }
        }
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        double wallMs = (System.nanoTime() - wallBefore) / 1e6;
        dataSource.destroy();
        long size = Files.size(work.resolve("warta.mv.db"));
        return String.format("%.3f ms of processor time per article (%.3f ms wall), file %d MB, load average %.1f",
                cpuMs / articles, wallMs / articles, size >> 20, os.getSystemLoadAverage());
    }

    /** About the size of a news article's answer: 6 KB of JSON text with curly quotes (stored as UTF-16). */
    private static String answerBody(Random random, int i) {
        StringBuilder text = new StringBuilder("{\"choices\":[{\"message\":{\"content\":\"");
        while (text.length() < 6000) {
            text.append(word(random)).append(random.nextInt(12) == 0 ? "\u201d. \u201c" : " ");
        }
        return text.append(i).append("\"}}]}").toString();
    }

    private static Translation translation(Random random, int i) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            StringBuilder paragraph = new StringBuilder();
            while (paragraph.length() < 450) {
                paragraph.append(word(random)).append(random.nextInt(15) == 0 ? "\u2019s " : " ");
            }
            paragraphs.add(paragraph.toString());
        }
        return new Translation("Title " + i, paragraphs, paragraphs.get(0), List.of("one", "two", "three"),
                List.of(new NamedEntity("Jakarta", "Jakarta", "place")), List.of("economy"), "id", "en", "openai",
                "gpt-4o-mini", "good", 0.92, List.of(), new Usage(1, 2365, 1070));
    }

    private static String word(Random random) {
        int length = 2 + random.nextInt(8);
        StringBuilder word = new StringBuilder();
        for (int c = 0; c < length; c++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
