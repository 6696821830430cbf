package dev.warta.store;

import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code warta_work_item} table: what the manager of a scale-out run read from its input folder, one row per
 * input item, each in its partition. Workers read their partition from here, so they need the database but not the
 * input folder.
 */
@Repository
public class WorkItemRepository {

    private final JdbcTemplate jdbc;

    public WorkItemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The partition of an input item: the first four bytes of the SHA-256 of its {@link ArticleRepository#inputKey
     * input key}, modulo the number of partitions. Stable across processes, hosts, restarts and Java versions (unlike
     * a hash code), and spread evenly whatever the file names look like.
     */
    public static int partitionOf(String inputKey, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(inputKey.getBytes(StandardCharsets.UTF_8));
            int first = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return Integer.remainderUnsigned(first, partitions);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Forgets what an interrupted ingest of the run stored, so that it can start again from the first file. */
    public void clear(long runId) {
        jdbc.update("DELETE FROM warta_work_item WHERE run_id = ?", runId);
    }

    /** Stores items read in input order ({@code firstSeq} onwards), each in its partition. */
    public void add(long runId, int partitions, int firstSeq, List<? extends Ingested> items) {
        List<Object[]> rows = new ArrayList<>(items.size());
        int seq = firstSeq;
        for (Ingested item : items) {
            String key = ArticleRepository.inputKey(item.sourcePath(), item.location());
            rows.add(new Object[]{runId, key, partitionOf(key, partitions), seq++,
                    item instanceof Article ? "article" : "rejected", Json.write(item)});
        }
        jdbc.batchUpdate("INSERT INTO warta_work_item (run_id, input_key, partition_no, seq, kind, item) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /** Items per partition of a run (partitions with no item are absent). */
    public Map<Integer, Integer> countByPartition(long runId) {
        Map<Integer, Integer> counts = new TreeMap<>();
        jdbc.query("SELECT partition_no, COUNT(*) AS n FROM warta_work_item WHERE run_id = ? GROUP BY partition_no",
                rs -> {
                    counts.put(rs.getInt("partition_no"), rs.getInt("n"));
                }, runId);
        return counts;
    }

    /** An item of a partition, with its place in the run's input order. */
    public record WorkItem(int seq, Ingested item) {
    }

    /** At most {@code limit} items of a partition after {@code afterSeq}, in input order. */
    public List<WorkItem> page(long runId, int partition, int afterSeq, int limit) {
        return jdbc.query("SELECT seq, kind, item FROM warta_work_item WHERE run_id = ? AND partition_no = ? "
                        + "AND seq > ? ORDER BY seq LIMIT ?",
                (rs, row) -> new WorkItem(rs.getInt("seq"), "article".equals(rs.getString("kind"))
                        ? Json.read(rs.getString("item"), Article.class)
                        : Json.read(rs.getString("item"), Rejected.class)),
                runId, partition, afterSeq, limit);
    }
}
