package dev.warta.faithfulness;

import java.util.List;

/**
 * What the faithfulness checks found in one translation.
 *
 * @param failures each failed check in words an editor understands ({@code number 600.000 missing}): the article
 *                 needs review and the model is asked again
 * @param score    0–1: the share of checks passed, weighted by how much each matters to a reader
 * @param notes    differences shown with the article that neither flag it nor ask the model again: the checks
 *                 cannot tell them from a typing error of the source that the translation corrected
 *                 ({@code name Gaddadi spelt Gaddafi}), or a missing name of a kind that English most often renders
 *                 by meaning ({@code name PHB missing (an acronym, often rendered by meaning)}; see
 *                 {@link MissingNameKind})
 */
public record CheckResult(List<String> failures, double score, List<String> notes) {

    public CheckResult {
        failures = List.copyOf(failures);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public CheckResult(List<String> failures, double score) {
        this(failures, score, List.of());
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
