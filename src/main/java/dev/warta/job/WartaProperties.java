package dev.warta.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of a run, bound from {@code warta.*}. {@code --input=DIR} and {@code --output=DIR} on the command line
 * are mapped onto {@code warta.input} and {@code warta.output} in {@code application.yml}.
 *
 * @param input          folder of articles to read
 * @param output         folder the results are written under ({@code <output>/<run date>/…})
 * @param engine         {@code auto} (model when an endpoint is configured), {@code openai} or {@code offline}
 * @param targetLanguage language to translate into, as a code ({@code en}) or a name
 * @param chunkSize      articles per transaction: on a restart at most this many are redone
 * @param runDate        date the results are filed under; blank means today
 * @param maxAttempts    failed attempts after which an article is no longer retried automatically
 * @param budget         caps on what one run may spend
 * @param glossary       TSV file of required renderings (term, tab, rendering); blank for the starter glossary that
 *                       ships inside Warta (built from jobs/glossary.tsv)
 * @param offlineFallback give articles the model could not do an offline gist instead of leaving them failed
 * @param schedule       cron expression (six fields, Spring form): stay up and run at those times; blank runs once
 * @param partitions     0 runs the whole job in this process; N &gt; 0 makes this process the manager of a scale-out run
 *                       that splits the inputs into N partitions for {@code worker} processes (docs/scale-out.md)
 * @param scaleOut       how the manager watches its workers
 */
@ConfigurationProperties("warta")
public record WartaProperties(
        @DefaultValue("input") Path input,
        @DefaultValue("output") Path output,
        @DefaultValue("auto") String engine,
        @DefaultValue("en") String targetLanguage,
        @DefaultValue("8") int chunkSize,
        String runDate,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue Budget budget,
        Path glossary,
        @DefaultValue("false") boolean offlineFallback,
        String schedule,
        @DefaultValue("0") int partitions,
        @DefaultValue ScaleOut scaleOut) {

    /**
     * @param maxTokens prompt plus completion tokens one run may spend, 0 for no cap
     * @param maxCost   estimated USD one run may spend (needs the model's price), 0 for no cap
     */
    public record Budget(@DefaultValue("0") long maxTokens, @DefaultValue("0") double maxCost) {
    }

    /**
     * @param heartbeat     how often a worker proves it is alive while it runs a partition
     * @param workerTimeout a partition whose worker has not proven it is alive for this long is failed by the
     *                      manager (its worker died or lost the database), so that it can be run again
     * @param restarts      how many times the manager itself runs the partitions of lost workers (or of workers
     *                      whose database connections broke) again before it gives up and reports them failed (a
     *                      later start of the manager resumes them too); also how many times a run, scaled out or
     *                      not, whose own database connections broke goes on at once
     */
    public record ScaleOut(@DefaultValue("5s") java.time.Duration heartbeat,
                           @DefaultValue("60s") java.time.Duration workerTimeout,
                           @DefaultValue("3") int restarts) {
    }
}
