package dev.warta.job;

import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.ingest.InputFiles;
import dev.warta.llm.FirstRequests;
import dev.warta.llm.LlmConfiguration;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.batch.BatchApiMissingException;
import dev.warta.llm.batch.BatchInput;
import dev.warta.llm.batch.BatchJob;
import dev.warta.llm.batch.BatchResults;
import dev.warta.llm.batch.CapturedRequest;
import dev.warta.llm.batch.OpenAiBatchApi;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.EndpointFaultException;
import dev.warta.llm.http.EndpointRejectedException;
import dev.warta.llm.http.EndpointUnavailableException;
import dev.warta.store.ArticleRepository;
import dev.warta.store.LlmBatchRepository;
import dev.warta.store.LlmBatchRepository.Batch;
import dev.warta.store.TranslationCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The batch phase of a run in {@code warta.llm.mode=batch}, a step before the translation: the first request of every
 * article the translation step will send to the model (made by the engine itself, so byte-identical) goes into one
 * batch of the endpoint's Batch API, at the batch price. When the batch has ended its answers are kept under their
 * requests' keys, where the translation step finds them: each article then goes through exactly the checks of the
 * synchronous mode, and whatever else it needs (a re-ask, the later chunks of a long article, its summary, an
 * alignment repair, a request the batch did not answer) is asked synchronously.
 * <p>
 * Restart: the input file's id and the batch's id are in {@code warta_llm_batch} the moment they exist. A batch not
 * collected yet, of this run or an earlier one, is waited for and collected before anything is uploaded; a batch
 * that expired or was cancelled is followed by one of only the requests still missing. See docs/batch-mode.md.
 */
class BatchPhase implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(BatchPhase.class);
    private static final Duration LONGEST_POLL = Duration.ofMinutes(5);
    /** Batches one run submits at most: the first, and re-submissions of what an expired one left. */
    private static final int MAX_BATCHES_PER_RUN = 4;
    private static final Pattern REQUEST_KEY = Pattern.compile("[0-9a-f]{64}");

    private final LlmProperties llm;
    private final EngineSelector engines;
    private final LlmBatchRepository batches;
    private final ArticleRepository articles;
    private final TranslationCache cache;
    private final RunControl control;
    private final long runId;
    private final Path input;
    private final boolean force;
    private final int maxAttempts;
    private OpenAiBatchApi api;

    BatchPhase(LlmProperties llm, EngineSelector engines, LlmBatchRepository batches, ArticleRepository articles,
               TranslationCache cache, RunControl control, long runId, Path input, boolean force, int maxAttempts) {
        this.llm = llm;
        this.engines = engines;
        this.batches = batches;
        this.articles = articles;
        this.cache = cache;
        this.control = control;
        this.runId = runId;
        this.input = input;
        this.force = force;
        this.maxAttempts = maxAttempts;
    }

    /** How following one batch ended. */
    private enum Followed { COLLECTED, LEFT_PENDING, STOPPED }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!llm.batchMode() || !"openai".equals(engines.engine().name())) {
            return RepeatStatus.FINISHED;
        }
        engines.callsBelongTo(runId, force);
        api = LlmConfiguration.batchApi(llm);
        try {
            // what earlier processes left in flight is waited for first: paid for once, never uploaded again
            for (Batch open : batches.uncollected()) {
                Followed followed = follow(open);
                if (followed != Followed.COLLECTED) {
                    return stopped();
                }
            }
            while (true) {
                Map<String, CapturedRequest> missing = missingRequests();
                if (missing.isEmpty()) {
                    return RepeatStatus.FINISHED;
                }
                List<Batch> mine = batches.ofRun(runId).stream()
                        .filter(batch -> !"refused".equals(batch.status())).toList();
                String resubmits = null;
                if (!mine.isEmpty()) {
                    // a refused batch was never made: the requests are asked for in a batch again (or fall back)
                    Batch last = mine.get(mine.size() - 1);
                    if (!resubmittable(last, mine)) {
                        log.info("{} requests were not answered by the batch; they go through the synchronous path",
                                missing.size());
                        return RepeatStatus.FINISHED;
                    }
                    resubmits = last.batchId();
                    log.info("Batch {} {}: submitting the {} requests it did not answer", last.batchId(),
                            last.status(), missing.size());
                }
                if (follow(submit(missing, resubmits)) != Followed.COLLECTED) {
                    return stopped();
                }
            }
        } catch (BatchApiMissingException e) {
            if ("sync".equals(llm.batchFallback())) {
                log.warn("{}; warta.llm.batch-fallback=sync: this run asks synchronously, at the synchronous price",
                        e.getMessage());
                return RepeatStatus.FINISHED;
            }
            control.stopForWrongSettings(e.getMessage() + " (warta.llm.mode=batch; set warta.llm.batch-fallback=sync "
                    + "to run synchronously instead)");
            return stopped();
        } catch (RuntimeException e) {
            EndpointRejectedException rejected = EndpointRejectedException.findIn(e);
            if (rejected != null) {
                control.stopForWrongSettings(rejected.getMessage());
                return stopped();
            }
            if (!isEndpointTrouble(e)) {
                throw e;
            }
            boolean refused = e instanceof HttpException http && http.statusCode() >= 400 && http.statusCode() < 500;
            if (refused && "sync".equals(llm.batchFallback())) {
                // the provider will not take this batch (a quota, a limit): the same as having no Batch API
                log.warn("The Batch API refused the batch ({}); warta.llm.batch-fallback=sync: this run asks "
                        + "synchronously, at the synchronous price", describe(e));
                return RepeatStatus.FINISHED;
            }
            // nothing is bought synchronously behind the operator's back: the run stops and a rerun continues
            control.requestStop("the Batch API " + (refused ? "refused the batch" : "failed") + ": " + describe(e)
                    + (refused ? " (warta.llm.batch-fallback=sync lets such a night run synchronously)" : ""));
            return stopped();
        }
    }

    /** The endpoint is unreachable, unwell or cut answers short, after the HTTP layer's retries. */
    private static boolean isEndpointTrouble(RuntimeException e) {
        return EndpointFaultException.findIn(e) != null || EndpointUnavailableException.findIn(e) != null
                || e instanceof HttpException || e instanceof TimeoutException
                || e instanceof java.io.UncheckedIOException;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof HttpException http) {
            String body = http.getMessage() == null ? "" : http.getMessage().strip();
            try {
                // the API's error document: its message is what the operator needs
                String message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)
                        .path("error").path("message").asText("");
                body = message.isBlank() ? body : message;
            } catch (java.io.IOException | RuntimeException notJson) {
                // the body as it came
            }
            return "HTTP " + http.statusCode() + (body.isEmpty() ? "" : ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The step must end stopped, not completed, so that a restart runs this phase again. */
    private RepeatStatus stopped() {
        if (!control.stopRequested()) {
            control.requestStop("stopped while waiting for a batch");
        }
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * Only a batch that expired or was cancelled by someone else is followed by another, and only while the
     * deadline allows it and the run has not made too many.
     */
    private boolean resubmittable(Batch last, List<Batch> mine) {
        if (!("expired".equals(last.status()) || "cancelled".equals(last.status()))) {
            return false;
        }
        if (last.note() != null && last.note().startsWith(DEADLINE_NOTE)) {
            return false;
        }
        return mine.size() < MAX_BATCHES_PER_RUN && !pastDeadline(deadline(runId));
    }

    private Batch submit(Map<String, CapturedRequest> requests, String resubmits) {
        String lines = BatchInput.jsonLines(requests.values());
        String fileId = api.uploadBatchInput("warta-run-" + runId + ".jsonl", lines);
        long id = batches.uploaded(runId, fileId, requests.size(), resubmits);
        log.info("Batch input uploaded: {} requests, file {}", requests.size(), fileId);
        return create(batches.find(id).orElseThrow());
    }

    private Batch create(Batch uploaded) {
        BatchJob job;
        try {
            job = api.create(uploaded.inputFileId(), Map.of("warta_run", Long.toString(uploaded.runId())));
        } catch (HttpException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                // refused for good: this file must not become a batch later, when its requests may be stale
                batches.seen(uploaded.id(), "refused", 0, 0, null, null, true, describe(e));
                batches.collected(uploaded.id(), 0, 0, 0);
            }
            throw e;
        }
        batches.created(uploaded.id(), job.id(), job.status());
        log.info("Batch {} created ({} requests, file {}): answers within 24 hours at the batch price", job.id(),
                uploaded.requestCount(), uploaded.inputFileId());
        return batches.find(uploaded.id()).orElseThrow();
    }

    /** Waits for the batch, showing its progress, until it ends (then collects it), the deadline, or a stop. */
    private Followed follow(Batch batch) {
        if (batch.batchId() == null) {
            // the process died between the upload and the batch: the file is there, only the batch is made now
            batch = create(batch);
        }
        ZonedDateTime deadline = deadline(batch.runId());
        String by = deadline == null ? null : deadline.toLocalTime().withNano(0).toString();
        Duration wait = llm.batchPollInterval();
        String shown = null;
        boolean cancelled = batch.note() != null && batch.note().startsWith(DEADLINE_NOTE);
        Instant since = batch.createdAt() == null ? Instant.now() : batch.createdAt();
        while (true) {
            BatchJob job;
            try {
                job = api.retrieve(batch.batchId());
            } catch (RuntimeException e) {
                if (!isEndpointTrouble(e) || EndpointUnavailableException.findIn(e) != null) {
                    throw e;   // not a passing fault, or the circuit is open: the run stops, a rerun waits again
                }
                // the batch goes on at the provider whatever happens to one look at it
                log.warn("Batch {}: could not look at it ({}); trying again in {} s", batch.batchId(), describe(e),
                        wait.toSeconds());
                if (!pause(wait)) {
                    return Followed.STOPPED;
                }
                wait = longer(wait);
                continue;
            }
            batches.seen(batch.id(), job.status(), job.completed(), job.failed(), job.outputFileId(),
                    job.errorFileId(), job.ended(), job.problem());
            if (!job.progress().equals(shown)) {
                shown = job.progress();
                log.info("Batch {} ({} s since it was created)", shown,
                        Duration.between(since, Instant.now()).toSeconds());
            }
            if (job.ended()) {
                if ("failed".equals(job.status())) {
                    log.warn("Batch {} failed as a whole: {}", job.id(), job.problem() == null ? "no reason given"
                            : job.problem());
                }
                collect(batch, job);
                return Followed.COLLECTED;
            }
            if (!cancelled && pastDeadline(deadline)) {
                String note = DEADLINE_NOTE + " " + by + " (" + job.completed() + "/"
                        + job.total() + " answered)";
                if ("pending".equals(llm.batchAfterDeadline())) {
                    batches.note(batch.id(), note);
                    control.requestStop("batch " + job.id() + " was not back by the deadline " + by + " ("
                            + job.completed() + "/" + job.total()
                            + " answered); its articles are left pending and the next start collects it");
                    return Followed.LEFT_PENDING;
                }
                log.warn("Batch {} is not back by the deadline {}: cancelling it; what it did not answer goes "
                        + "through the synchronous path", job.id(), by);
                api.cancel(job.id());
                // noted only once the cancel is sent: a process killed in between sends it again at its restart
                batches.note(batch.id(), note);
                cancelled = true;
                wait = llm.batchPollInterval();
                continue;
            }
            if (!pause(wait)) {
                return Followed.STOPPED;
            }
            wait = longer(wait);
        }
    }

    /** Twice as long, up to 5 minutes (or the configured interval, if that is longer). */
    private Duration longer(Duration wait) {
        Duration cap = LONGEST_POLL.compareTo(llm.batchPollInterval()) > 0 ? LONGEST_POLL : llm.batchPollInterval();
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    static final String DEADLINE_NOTE = "not back by the deadline";

    /** Reads the output and the error file and keeps every answer under its request's key. */
    private void collect(Batch batch, BatchJob job) {
        String output = job.outputFileId() == null ? null : api.content(job.outputFileId());
        String errors = job.errorFileId() == null ? null : api.content(job.errorFileId());
        BatchResults results = BatchResults.read(output, errors);
        AnswerStore store = engines.answerStore();
        int kept = 0;
        for (Map.Entry<String, String> answer : results.answers().entrySet()) {
            if (REQUEST_KEY.matcher(answer.getKey()).matches()) {
                store.keep(answer.getKey(), answer.getValue());
                kept++;
            }
        }
        batches.collected(batch.id(), kept, results.promptTokens(), results.completionTokens());
        int missing = Math.max(0, batch.requestCount() - kept - results.failures().size());
        log.info("Batch {} {}: {} answers kept, {} failed inside the batch, {} not answered{}", job.id(),
                job.status(), kept, results.failures().size(), missing, results.failures().isEmpty() ? ""
                        : " (first failure: " + results.failures().values().iterator().next() + ")");
        if (results.unreadableLines() > 0) {
            log.warn("Batch {}: {} lines of its files were not the API's JSON; their requests count as missing",
                    job.id(), results.unreadableLines());
        }
    }

    /**
     * The first request of every article the translation step will send to the model, whose answer is not kept
     * yet: the same articles the translation step skips (committed in this run, approved by an editor, translated
     * before, given up after too many attempts) are skipped here.
     */
    private Map<String, CapturedRequest> missingRequests() {
        Set<String> committed = articles.committedInRun(runId);
        FirstRequests first = engines.firstRequests();
        AnswerStore store = engines.answerStore();
        String fingerprint = engines.engine().fingerprint();
        ArticleReader reader = new ArticleReader().confinedTo(input);
        Map<String, CapturedRequest> missing = new LinkedHashMap<>();
        for (Path file : InputFiles.list(input)) {
            if (committed.contains(ArticleRepository.inputKey(file.toString(), null))) {
                continue;
            }
            for (Ingested item : reader.read(file)) {
                if (!(item instanceof Article article)
                        || committed.contains(ArticleRepository.inputKey(item.sourcePath(), item.location()))
                        || articles.findReviewed(article.id()).isPresent()) {
                    continue;
                }
                if (!force && (cache.find(TranslationCache.key(article.contentHash(), fingerprint)).isPresent()
                        || articles.failures(article.id()).filter(f -> f.attempts() >= maxAttempts).isPresent())) {
                    continue;
                }
                try {
                    first.of(article).filter(request -> store.find(request.key()).isEmpty())
                            .ifPresent(request -> missing.putIfAbsent(request.key(), request));
                } catch (RuntimeException e) {
                    // the synchronous path meets the same trouble and records it with the article
                    log.debug("{}: no batch request ({})", article.sourcePath(), e.toString());
                }
            }
        }
        return missing;
    }

    /** {@code warta.llm.batch-deadline} counted from the run's first upload (or now); null for none. */
    private ZonedDateTime deadline(long run) {
        Instant start = batches.ofRun(run).stream().map(Batch::uploadedAt).findFirst().orElse(Instant.now());
        return llm.batchDeadlineAfter(start, ZoneId.systemDefault());
    }

    private static boolean pastDeadline(ZonedDateTime deadline) {
        return deadline != null && ZonedDateTime.now(deadline.getZone()).isAfter(deadline);
    }

    /** Sleeps, waking for a stop; false when the run is to stop. */
    private boolean pause(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (control.stopRequested()) {
                    return false;
                }
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !control.stopRequested();
    }
}
