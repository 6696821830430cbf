package dev.warta.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a feed file into its entries: JSON Lines (one object a line) or a JSON array (or an object holding one
 * under {@code articles}, {@code items}, {@code data} or {@code entries}). Each entry keeps its place in the file,
 * and an entry that cannot be read carries the reason instead of its fields, so one bad line costs one entry.
 */
final class FeedEntries {

    /** One entry: where it is, and either its JSON object or the reason it could not be read. */
    record Entry(String location, int line, JsonNode fields, String error) {
    }

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LIST_FIELDS = Set.of("articles", "items", "data", "entries", "results");

    private FeedEntries() {
    }

    static List<Entry> jsonLines(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        int start = InputBytes.hasUtf8Bom(bytes) ? 3 : 0;
        int line = 1;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                Entry entry = jsonLine(bytes, start, i, line);
                if (entry != null) {
                    entries.add(entry);
                }
                start = i + 1;
                line++;
            }
        }
        return entries;
    }

    private static Entry jsonLine(byte[] bytes, int from, int to, int line) {
        String location = "line " + line;
        int invalid = InputBytes.firstInvalidUtf8(bytes, from, to);
        if (invalid >= 0) {
            return new Entry(location, line, null,
                    "line " + line + " is not valid UTF-8 (byte " + (from + invalid) + " of the file)");
        }
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null; // blank lines separate nothing in JSON Lines; they are not entries
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                return new Entry(location, line, null, "line " + line + " is a JSON " + kind(node) + ", not an object");
            }
            return new Entry(location, line, node, null);
        } catch (JsonProcessingException e) {
            return new Entry(location, line, null, "line " + line + " is not JSON: " + e.getOriginalMessage()
                    + " at column " + e.getLocation().getColumnNr());
        }
    }

    /**
     * Entries of a JSON document. A document that is not JSON at all gives one entry with the error and no
     * location, since the whole file is the bad input.
     */
    static List<Entry> jsonDocument(String text) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                JsonNode root = JSON.readTree(parser);
                for (String field : LIST_FIELDS) {
                    if (root.get(field) != null && root.get(field).isArray()) {
                        // the positions of nested entries are lost by readTree; reparse that array alone
                        return arrayEntries(JSON.createParser(JSON.writeValueAsString(root.get(field))), false);
                    }
                }
                entries.add(new Entry(null, 1, root, null));
                return entries;
            }
            if (first != JsonToken.START_ARRAY) {
                return List.of(new Entry(null, 1, null, "not a JSON object or array of articles"));
            }
            return arrayEntries(parser, true);
        } catch (JsonProcessingException e) {
            return List.of(new Entry(null, e.getLocation().getLineNr(), null, "not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return List.of(new Entry(null, 1, null, "cannot read JSON: " + e.getMessage()));
        }
    }

    private static List<Entry> arrayEntries(JsonParser parser, boolean started) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!started && parser.nextToken() != JsonToken.START_ARRAY) {
            return entries;
        }
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    entries.add(new Entry("entry " + (entries.size() + 1), parser.currentLocation().getLineNr(),
                            null, "not valid JSON: the array is not closed (file cut off?)"));
                    return entries;
                }
                int index = entries.size() + 1;
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(parser);
                String location = "entry " + index;
                if (node == null || !node.isObject()) {
                    entries.add(new Entry(location, line, null,
                            "entry " + index + " is a JSON " + kind(node) + ", not an object"));
                } else {
                    entries.add(new Entry(location, line, node, null));
                }
            }
        } catch (JsonProcessingException e) {
            // keep the entries read so far: a feed cut off at entry 40 still delivers the first 39
            int line = e.getLocation().getLineNr();
            entries.add(new Entry("entry " + (entries.size() + 1), line, null,
                    "not valid JSON after entry " + entries.size() + ": " + e.getOriginalMessage()
                            + " at line " + line + ", column " + e.getLocation().getColumnNr()));
        }
        return entries;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "value";
    }
}
