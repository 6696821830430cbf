package dev.warta.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw body paragraphs (from a scrape, a page or a feed) into the text a translator should see: invisible and
 * odd spaces normalised, scraper residue and "read also" blocks removed, the dateline taken off the first paragraph,
 * and the people named in editor/publisher/author lines kept as metadata.
 */
final class TextCleaner {

    /** The cleaned body and what was learnt from the lines that were taken out. */
    record Cleaned(List<String> paragraphs, String datelineCity, String datelineOutlet,
                   String author, String editor, String publisher) {
    }

    /** Lines that scrapers leave in the text and that are never part of the story. */
    private static final List<Pattern> RESIDUE = List.of(
            Pattern.compile("(?i)^(advertisement|advertisment|iklan|ads|sponsored|scroll to (continue|resume) with content"
                    + "|lanjutkan membaca|lanjut baca|konten berbayar"
                    + "|artikel ini (telah|sudah) (tayang|naik|terbit|dimuat)\\b.*|\\(\\*\\)|\\*+\\)?"
                    + "|-+|–|—|\\.{3})$"),
            // "Baca juga: …", "Simak juga …", "Simak Video …": links to other stories inside the body
            Pattern.compile("(?i)^(\\*+\\)?\\s*)?(baca|simak|lihat|tonton|saksikan|cek|klik)\\s+(juga|pula|selengkapnya"
                    + "|berita lainnya|video)\\b.*"),
            Pattern.compile("(?i)^(berita|artikel) (terkait|lainnya|menarik)\\s*:?.*"),
            // "Ikuti berita terbaru TIMES Indonesia di Google News …", "Dapatkan update berita … Telegram …"
            Pattern.compile("(?i)^(\\*+\\)?\\s*)?(ikuti|dapatkan|simak|follow|gabung|download|unduh)\\b.*"
                    + "(google news|whatsapp|telegram|channel|instagram|twitter|facebook|aplikasi|saluran|update).*"),
            Pattern.compile("(?i)^(tags?|topik|kata kunci|keywords?)\\s*:.*"),
            // embed placeholders scrapers leave where a video or a gallery was: "[Gambas:Video CNN]"
            Pattern.compile("(?i)^\\[(gambas|video|foto|galeri|embed|instagram|twitter)\\b[^\\]]*\\]$"),
            Pattern.compile("(?i)^pilihan (editor|redaksi)\\s*:.*"),
            Pattern.compile("(?i)^ikuti (perkembangan|berita|update|terus)\\b.*(topik|di sini|berikut)\\s*:?$"),
            Pattern.compile("(?i)^(jangan lewatkan|wajib baca|terpopuler|berita terkini|video pilihan|pilihan redaksi"
                    + "|artikel selanjutnya|halaman selanjutnya|selanjutnya|next|share|bagikan)\\s*[!:.]*$"),
            Pattern.compile("(?i)^(copyright|hak cipta)\\b.*|^©.*"),
            Pattern.compile("(?i)^(foto|video|ilustrasi|sumber foto|grafis)\\s*:.*"),
            // signature initials that close Detik/Kompas/Antara/Okezone stories: (nwk/nwk), (ant), (rdk/ega), (FHM)
            Pattern.compile("(?i)^\\((?:[a-z]{2,5})(?:/[a-z]{2,5})*\\)$"));

    /** {@code Editor | : Wahyu Nurdiyanto |}, {@code Editor: Ade Marboen}, {@code Pewarta: Budi}. */
    private static final Pattern PERSON_LINE = Pattern.compile(
            "(?i)^(editor|penyunting|redaktur|red|publisher|penerbit|pewarta|penulis|reporter|wartawan|fotografer"
                    + "|photographer|author|oleh|by"
                    + "|kontributor|sumber)\\s*\\|?\\s*:\\s*([^|]+?)\\s*\\|?\\s*$");

    private static final Pattern TRAILING_END_MARK = Pattern.compile("\\s*\\(\\s*\\*\\s*\\)\\s*$");
    private static final Pattern TRAILING_SIGNATURE = Pattern.compile("\\s+\\((?:[a-z]{2,5})(?:/[a-z]{2,5})+\\)$");

    private TextCleaner() {
    }

    static Cleaned clean(List<String> rawParagraphs) {
        List<String> paragraphs = new ArrayList<>();
        String author = null;
        String editor = null;
        String publisher = null;
        for (String raw : rawParagraphs) {
            String paragraph = normalise(raw);
            if (paragraph.isEmpty()) {
                continue;
            }
            Person person = person(paragraph);
            if (person != null) {
                switch (person.role()) {
                    case "editor" -> editor = editor == null ? person.name() : editor;
                    case "publisher" -> publisher = publisher == null ? person.name() : publisher;
                    case "author" -> author = author == null ? person.name() : author;
                    default -> { }
                }
                continue;
            }
            if (isResidue(paragraph)) {
                continue;
            }
            // searched only where they can match: each is tried from every character of the paragraph
            if (paragraph.indexOf('*') >= 0) {
                paragraph = TRAILING_END_MARK.matcher(paragraph).replaceAll("");
            }
            if (paragraph.indexOf('/') >= 0) {
                paragraph = TRAILING_SIGNATURE.matcher(paragraph).replaceAll("");
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.size() > 1 && PublishedDates.isDateLine(paragraphs.get(0))) {
            paragraphs.remove(0); // the byline's date and time above the story, not its first paragraph
        }
        String city = null;
        String outlet = null;
        if (paragraphs.size() > 1 && Datelines.alone(paragraphs.get(0)) != null) {
            // "Jakarta -" in a block of its own, the story in the next one
            Datelines.Found dateline = Datelines.alone(paragraphs.remove(0));
            city = dateline.city();
            outlet = dateline.outlet();
        } else if (!paragraphs.isEmpty()) {
            Datelines.Found dateline = Datelines.find(paragraphs.get(0));
            if (dateline != null) {
                city = dateline.city();
                outlet = dateline.outlet();
                paragraphs.set(0, dateline.rest());
            }
        }
        return new Cleaned(List.copyOf(paragraphs), city, outlet, author, editor, publisher);
    }

    /** A line naming a person in a role: {@code Editor | : Name |}, {@code Pewarta: Name}. */
    record Person(String role, String name) {
    }

    /**
     * The person a credit line names, with the role as {@code author}, {@code editor}, {@code publisher} or
     * {@code source}; {@code null} when the line is not a credit line.
     */
    static Person person(String line) {
        Matcher matcher = PERSON_LINE.matcher(line);
        if (!matcher.matches() || matcher.group(2).length() > 80) {
            return null;
        }
        String role = switch (matcher.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "editor", "penyunting", "redaktur", "red" -> "editor";
            case "publisher", "penerbit" -> "publisher";
            case "sumber" -> "source";
            default -> "author";
        };
        return new Person(role, matcher.group(2).strip());
    }

    static boolean isResidue(String paragraph) {
        if (paragraph.length() > 250) {
            return false; // residue is a short line; a long paragraph that starts with "Simak" is the story
        }
        if (paragraph.length() <= 30 && Outlets.isOutletName(paragraph)) {
            return true; // a credit line of one word: "ANTARA", "(Antara)"
        }
        return ANY_RESIDUE.matcher(paragraph).matches();
    }

    /**
     * Every {@link #RESIDUE} expression as one alternative of one expression: it matches a whole line exactly when
     * one of them does (each keeps its own {@code (?i)}, which ends with its group), and a line costs one matcher
     * instead of twelve, which were most of this test's time.
     */
    private static final Pattern ANY_RESIDUE = Pattern.compile(RESIDUE.stream()
            .map(pattern -> "(?:" + pattern.pattern() + ")").collect(java.util.stream.Collectors.joining("|")));

    /**
     * Zero-width characters out, the many kinds of space made plain spaces, runs of whitespace collapsed. Scraped
     * text carries U+200B inside words, which would split them for the model and for the language detector.
     */
    static String normalise(String text) {
        if (nothingToNormalise(text)) {
            return text.strip();
        }
        String withoutInvisible = INVISIBLE.matcher(text).replaceAll("");
        String plainSpaces = OTHER_SPACES.matcher(withoutInvisible).replaceAll(" ");
        return SPACE_RUNS.matcher(CONTROLS.matcher(plainSpaces).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * No character that the expressions below take out or replace, and no two spaces in a row: only the strip is
     * left to do. Most paragraphs are so, and four replacements over each cost more than this one look.
     */
    private static boolean nothingToNormalise(String text) {
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u007F') {
                // a printable ASCII character other than the space, as most are: none of the tests below holds
                previous = c;
                continue;
            }
            boolean control = c < ' ' || (c >= '\u007F' && c <= '\u009F');
            boolean oddSpaceOrInvisible = c == '\u00A0' || c == '\u00AD' || (c >= '\u2000' && c <= '\u200D')
                    || c == '\u202F' || c == '\u2060' || c == '\u3000' || c == '\uFEFF';
            if (control || oddSpaceOrInvisible || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    // compiled once: normalise runs on every paragraph of every article
    private static final java.util.regex.Pattern INVISIBLE =
            java.util.regex.Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final java.util.regex.Pattern OTHER_SPACES =
            java.util.regex.Pattern.compile("[\\u00A0\\u2007\\u202F\\u2000-\\u200A\\u3000\\t\\r\\n]");
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n]]");
    private static final java.util.regex.Pattern SPACE_RUNS = java.util.regex.Pattern.compile(" {2,}");
}
