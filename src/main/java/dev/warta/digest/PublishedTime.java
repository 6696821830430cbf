package dev.warta.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * An article's publication time as the digest shows and sorts it. Sources give ISO-8601 with or without an offset,
 * a bare date, or something else entirely; the digest shows what it can and keeps unparseable text as it is.
 *
 * @param raw      the text from the metadata, {@code null} when unknown
 * @param display  human-readable form ({@code 2026-11-26 10:15 +07:00}), {@code null} when unknown
 * @param machine  value for an HTML {@code datetime} attribute, {@code null} when the text could not be parsed
 * @param sortKey  instant used for ordering (a time without offset is taken as UTC), empty when unparseable
 */
public record PublishedTime(String raw, String display, String machine, Optional<Instant> sortKey) {

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter WITHOUT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public static final PublishedTime UNKNOWN = new PublishedTime(null, null, null, Optional.empty());

    public static PublishedTime parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String value = text.strip();
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            return new PublishedTime(value, WITH_OFFSET.format(time), time.toString(), Optional.of(time.toInstant()));
        } catch (DateTimeParseException notWithOffset) {
            // fall through to the less precise forms
        }
        try {
            LocalDateTime time = LocalDateTime.parse(value);
            return new PublishedTime(value, WITHOUT_OFFSET.format(time), time.toString(),
                    Optional.of(time.toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return new PublishedTime(value, date.toString(), date.toString(),
                    Optional.of(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException notDate) {
            return new PublishedTime(value, value, null, Optional.empty());
        }
    }

    public boolean known() {
        return display != null;
    }
}
