package dev.warta.faithfulness;

import java.util.List;

/**
 * What the faithfulness checks found in one translation.
 *
 * @param failures each failed check in words an editor understands ({@code number 600.000 missing})
 * @param score    0–1: the share of checks passed, weighted by how much each matters to a reader
 */
public record CheckResult(List<String> failures, double score) {

    public CheckResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
