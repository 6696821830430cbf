package dev.warta.digest;

import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.store.StoredArticle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one day's digest says, independent of the output format: the run's counts, the day's top entities, the
 * delivered articles grouped by topic, and the inputs that were not delivered. Both renderers read this, so the HTML
 * page and its Markdown twin cannot disagree.
 *
 * @param date         the run date
 * @param counts       how many inputs ended in each status
 * @param topEntities  the most mentioned entities, most articles first
 * @param topics       delivered articles grouped by their first tag; largest group first, "Untagged" last
 * @param notDelivered failed, not-article and pending inputs (and delivered rows missing a translation), by status
 */
public record Digest(LocalDate date, RunCounts counts, List<EntityCount> topEntities, List<TopicGroup> topics,
                     List<StoredArticle> notDelivered) {

    public static final String UNTAGGED = "Untagged";
    static final int TOP_ENTITY_LIMIT = 10;

    /** Inputs per status. {@code total} counts every input given to the digest. */
    public record RunCounts(int translated, int needsReview, int failed, int notArticles, int pending, int total) {
    }

    /** An entity and the number of articles that name it. */
    public record EntityCount(String name, String type, int articles) {
    }

    /** Articles sharing a first tag; {@code anchor} is the HTML id of the group's heading. */
    public record TopicGroup(String tag, String anchor, List<DigestEntry> entries) {
    }

    /** Newest first; articles without a readable time after those with one, then by headline. */
    static final Comparator<DigestEntry> READING_ORDER = Comparator
            .comparing((DigestEntry e) -> e.published().sortKey().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(e -> e.headline().toLowerCase(Locale.ROOT))
            .thenComparing(e -> e.stored().id());

    public static Digest of(LocalDate date, List<StoredArticle> articles) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(articles, "articles");
        Anchors anchors = new Anchors();
        List<DigestEntry> delivered = new ArrayList<>();
        List<StoredArticle> notDelivered = new ArrayList<>();
        for (StoredArticle stored : articles) {
            Objects.requireNonNull(stored, "articles contains null");
            if (stored.status() != null && stored.status().delivered() && stored.translation() != null) {
                delivered.add(toEntry(stored, anchors));
            } else {
                notDelivered.add(stored);
            }
        }
        notDelivered.sort(Comparator
                .comparing((StoredArticle s) -> s.status() == null ? Integer.MAX_VALUE : s.status().ordinal())
                .thenComparing(s -> Objects.toString(s.sourcePath(), ""))
                .thenComparing(s -> Objects.toString(s.location(), ""))
                .thenComparing(s -> Objects.toString(s.id(), "")));
        return new Digest(date, count(articles), topEntities(delivered), group(delivered, anchors),
                List.copyOf(notDelivered));
    }

    /**
     * The digest of a day too large to show whole: {@code shown} are the articles on the page (the caller picks
     * them, delivered first), {@code dayCounts} count every input of the day, so the page's totals stay true and it
     * says how many it leaves out.
     */
    public static Digest of(LocalDate date, List<StoredArticle> shown, RunCounts dayCounts) {
        Digest page = of(date, shown);
        return new Digest(date, dayCounts, page.topEntities(), page.topics(), page.notDelivered());
    }

    /** Inputs of the day that the page does not show (see {@link #of(LocalDate, List, RunCounts)}). */
    public int omitted() {
        return Math.max(0, counts.total() - deliveredCount() - notDelivered.size());
    }

    public int deliveredCount() {
        return topics.stream().mapToInt(t -> t.entries().size()).sum();
    }

    private static DigestEntry toEntry(StoredArticle stored, Anchors anchors) {
        String url = stored.article() == null ? null : stored.article().metadata().url();
        String publishedAt = stored.article() == null ? null : stored.article().metadata().publishedAt();
        return new DigestEntry(stored, anchors.unique("article-" + Objects.toString(stored.id(), "")),
                PublishedTime.parse(publishedAt), WebLink.httpUrl(url));
    }

    private static RunCounts count(List<StoredArticle> articles) {
        Map<ArticleStatus, Integer> byStatus = new HashMap<>();
        for (StoredArticle stored : articles) {
            if (stored.status() != null) {
                byStatus.merge(stored.status(), 1, Integer::sum);
            }
        }
        return new RunCounts(
                byStatus.getOrDefault(ArticleStatus.TRANSLATED, 0) + byStatus.getOrDefault(ArticleStatus.REVIEWED, 0),
                byStatus.getOrDefault(ArticleStatus.NEEDS_REVIEW, 0),
                byStatus.getOrDefault(ArticleStatus.FAILED, 0),
                byStatus.getOrDefault(ArticleStatus.NOT_ARTICLE, 0),
                byStatus.getOrDefault(ArticleStatus.PENDING, 0),
                articles.size());
    }

    /** Counts articles per entity (an entity named twice in one article counts once), case-insensitively. */
    private static List<EntityCount> topEntities(List<DigestEntry> delivered) {
        Map<String, EntityCount> byKey = new LinkedHashMap<>();
        for (DigestEntry entry : delivered) {
            Set<String> seenInArticle = new HashSet<>();
            for (NamedEntity entity : entry.entities()) {
                String name = DigestEntry.entityName(entity);
                String key = name.toLowerCase(Locale.ROOT);
                if (seenInArticle.add(key)) {
                    EntityCount before = byKey.get(key);
                    byKey.put(key, before == null
                            ? new EntityCount(name, entity.type(), 1)
                            : new EntityCount(before.name(), before.type(), before.articles() + 1));
                }
            }
        }
        return byKey.values().stream()
                .sorted(Comparator.comparingInt(EntityCount::articles).reversed()
                        .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)))
                .limit(TOP_ENTITY_LIMIT)
                .toList();
    }

    private static List<TopicGroup> group(List<DigestEntry> delivered, Anchors anchors) {
        // Tags differ in case between articles ("Politics", "politics"): group case-insensitively and show the
        // spelling of the first article in reading order.
        Map<String, String> labelByKey = new LinkedHashMap<>();
        Map<String, List<DigestEntry>> entriesByKey = new HashMap<>();
        List<DigestEntry> ordered = new ArrayList<>(delivered);
        ordered.sort(READING_ORDER);
        for (DigestEntry entry : ordered) {
            String tag = firstTag(entry);
            String key = tag.toLowerCase(Locale.ROOT);
            labelByKey.putIfAbsent(key, tag);
            entriesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        String untaggedKey = UNTAGGED.toLowerCase(Locale.ROOT);
        return labelByKey.keySet().stream()
                .sorted(Comparator.comparing((String key) -> key.equals(untaggedKey))
                        .thenComparing(key -> -entriesByKey.get(key).size())
                        .thenComparing(key -> key))
                .map(key -> new TopicGroup(labelByKey.get(key), anchors.unique("topic-" + key),
                        List.copyOf(entriesByKey.get(key))))
                .toList();
    }

    private static String firstTag(DigestEntry entry) {
        List<String> tags = entry.translation().tags();
        String first = tags.isEmpty() ? null : DigestEntry.firstNonBlank(tags.get(0));
        return first == null ? UNTAGGED : first.replaceAll("\\s+", " ");
    }

    /** Makes HTML ids from arbitrary text: only letters, digits, '-' and '_', and never the same id twice. */
    static final class Anchors {
        private final Set<String> used = new HashSet<>();

        String unique(String text) {
            String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-+$", "");
            String candidate = base;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = base + "-" + n;
            }
            return candidate;
        }
    }
}
