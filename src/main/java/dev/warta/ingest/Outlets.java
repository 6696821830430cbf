package dev.warta.ingest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names of outlets, so that one outlet is spelled the same whether it is known from the page URL, the
 * {@code og:site_name} tag or the dateline ({@code KOMPAS.com}, {@code kompas.com} and {@code Kompas.com} are one
 * outlet: {@code Kompas}).
 */
final class Outlets {

    /** Key: the label that names the outlet in its host name or dateline, lower case. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("antaranews", "ANTARA");
        NAMES.put("antara", "ANTARA");
        NAMES.put("detik", "Detik");
        NAMES.put("detikcom", "Detik");
        NAMES.put("detiknews", "Detik");
        NAMES.put("kompas", "Kompas");
        NAMES.put("tempo", "Tempo");
        NAMES.put("liputan6", "Liputan6");
        NAMES.put("okezone", "Okezone");
        NAMES.put("republika", "Republika");
        NAMES.put("viva", "VIVA");
        NAMES.put("kapanlagi", "KapanLagi");
        NAMES.put("mediaindonesia", "Media Indonesia");
        NAMES.put("cnnindonesia", "CNN Indonesia");
        NAMES.put("cnn indonesia", "CNN Indonesia");
        NAMES.put("tribunnews", "Tribunnews");
        NAMES.put("tribun", "Tribunnews");
        NAMES.put("timesindonesia", "TIMES Indonesia");
        NAMES.put("times indonesia", "TIMES Indonesia");
        NAMES.put("suara", "Suara");
        NAMES.put("kumparan", "kumparan");
        NAMES.put("merdeka", "Merdeka");
        NAMES.put("sindonews", "SINDOnews");
        NAMES.put("idntimes", "IDN Times");
        NAMES.put("jpnn", "JPNN");
        NAMES.put("jawapos", "Jawa Pos");
        NAMES.put("bisnis", "Bisnis");
        NAMES.put("katadata", "Katadata");
        NAMES.put("thejakartapost", "The Jakarta Post");
        NAMES.put("jakartaglobe", "Jakarta Globe");
    }

    private Outlets() {
    }

    /** Whether a short line is nothing but an outlet's name ({@code ANTARA}, {@code (Antara)}, {@code Kompas.com}). */
    static boolean isOutletName(String line) {
        String key = line.strip().replaceAll("^[(\\[]|[)\\].]$", "").toLowerCase(Locale.ROOT)
                .replaceAll("\\.(com|co\\.id|co|id)$", "").replaceAll(" news$", "");
        return NAMES.containsKey(key);
    }

    /** The outlet of a URL's host ({@code nasional.kompas.com} → {@code Kompas}), or {@code null}. */
    static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
                String name = NAMES.get(label);
                if (name != null) {
                    return name;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * The outlet of a name as written on a page or in a dateline ({@code KOMPAS.com}, {@code TEMPO.CO},
     * {@code ANTARA News}, {@code liputan6.com}); unknown names are returned as written, without a domain suffix.
     */
    static String fromName(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String key = written.strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\.(com|co\\.id|co|id|net)$", "")
                .replaceAll("\\.(com|co\\.id|co|id|net)$", "")
                .replaceAll(" news$", "")
                .strip();
        String name = NAMES.get(key);
        if (name != null) {
            return name;
        }
        for (Map.Entry<String, String> entry : NAMES.entrySet()) {
            if (key.startsWith(entry.getKey()) && entry.getKey().length() >= 5) {
                return entry.getValue();
            }
        }
        return written.strip();
    }
}
