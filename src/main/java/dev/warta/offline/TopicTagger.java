package dev.warta.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Topic tags by keywords (Indonesian lemmas and their common English equivalents). */
final class TopicTagger {

    static final String FALLBACK = "general";
    private static final int MAX_TAGS = 5;

    private static final Map<String, Set<String>> TOPICS = topics();

    private static Map<String, Set<String>> topics() {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        topics.put("politics", Set.of("politik", "partai", "pemilu", "pilkada", "pilpres", "dpr", "dprd", "mpr",
                "presiden", "kampanye", "calon", "capres", "cawapres", "koalisi", "oposisi", "parlemen", "legislatif",
                "kpu", "bawaslu", "suara", "pemilih", "menteri", "kabinet", "gubernur", "bupati", "politics", "election",
                "party", "parliament", "president", "minister", "campaign", "vote", "voters"));
        topics.put("economy", Set.of("ekonomi", "rupiah", "inflasi", "harga", "investasi", "investor", "bank", "saham",
                "ekspor", "impor", "pajak", "anggaran", "apbn", "apbd", "utang", "pasar", "bisnis", "perdagangan",
                "industri", "usaha", "umkm", "kemenkeu", "ojk", "pertumbuhan", "triliun", "miliar", "dolar", "economy",
                "economic", "inflation", "price", "prices", "investment", "market", "trade", "tax", "budget", "growth"));
        topics.put("law and crime", Set.of("hukum", "polisi", "polri", "kpk", "korupsi", "pengadilan", "hakim", "jaksa",
                "tersangka", "terdakwa", "penjara", "vonis", "kasus", "pidana", "ditangkap", "penangkapan", "narkoba",
                "pembunuhan", "pencurian", "penipuan", "kejaksaan", "sidang", "police", "court", "corruption",
                "suspect", "arrested", "prison", "crime", "trial", "law"));
        topics.put("security and defence", Set.of("tni", "militer", "tentara", "perang", "serangan", "teroris",
                "terorisme", "senjata", "pertahanan", "keamanan", "konflik", "bom", "military", "army", "war",
                "attack", "terrorist", "weapons", "defence", "defense", "security", "soldiers"));
        topics.put("health", Set.of("kesehatan", "rumah sakit", "dokter", "pasien", "penyakit", "virus", "covid",
                "vaksin", "vaksinasi", "obat", "pandemi", "kemenkes", "bpjs", "stunting", "gizi", "health", "hospital",
                "doctor", "patients", "disease", "vaccine", "pandemic"));
        topics.put("disaster", Set.of("bencana", "banjir", "gempa", "longsor", "tsunami", "kebakaran", "erupsi",
                "gunung", "korban", "evakuasi", "bnpb", "bpbd", "kekeringan", "angin", "disaster", "flood", "floods",
                "earthquake", "landslide", "fire", "eruption", "evacuation", "victims"));
        topics.put("environment", Set.of("lingkungan", "hutan", "sampah", "polusi", "iklim", "emisi", "karbon",
                "deforestasi", "satwa", "konservasi", "environment", "forest", "climate", "pollution", "emissions"));
        topics.put("sports", Set.of("sepak", "bola", "pertandingan", "pemain", "pelatih", "liga", "juara", "timnas",
                "olahraga", "atlet", "turnamen", "medali", "gol", "piala", "bulu", "tangkis", "football", "match",
                "player", "coach", "league", "champion", "athlete", "tournament", "goal", "sport", "sports"));
        topics.put("education", Set.of("pendidikan", "sekolah", "siswa", "guru", "mahasiswa", "universitas",
                "kampus", "pelajar", "kurikulum", "education", "school", "students", "teachers", "university"));
        topics.put("technology", Set.of("teknologi", "digital", "internet", "aplikasi", "data", "siber", "startup",
                "ponsel", "kecerdasan", "technology", "app", "cyber", "online"));
        topics.put("religion", Set.of("agama", "masjid", "gereja", "islam", "muslim", "kristen", "katolik", "hindu",
                "buddha", "ulama", "haji", "umrah", "ramadan", "lebaran", "idul", "religion", "mosque", "church"));
        topics.put("transport", Set.of("transportasi", "kereta", "pesawat", "bandara", "pelabuhan", "kapal", "jalan",
                "tol", "mudik", "lalu", "kendaraan", "kecelakaan", "transport", "train", "aircraft", "airport",
                "ship", "traffic", "accident"));
        topics.put("energy", Set.of("energi", "listrik", "pln", "minyak", "gas", "bbm", "pertamina", "batu bara",
                "tambang", "pertambangan", "nikel", "energy", "electricity", "oil", "coal", "mining"));
        topics.put("international", Set.of("internasional", "asing", "diplomatik", "kedutaan", "duta", "pbb", "asean",
                "bilateral", "luar negeri", "international", "foreign", "diplomatic", "embassy", "un"));
        return topics;
    }

    private TopicTagger() {
    }

    /** 1–5 tags, most supported first; {@value #FALLBACK} when no topic is evident. */
    static List<String> tags(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", " ") + " ";
        Map<String, Integer> hits = new LinkedHashMap<>();
        TOPICS.forEach((topic, keywords) -> {
            int count = 0;
            for (String keyword : keywords) {
                int from = 0;
                String needle = " " + keyword + " ";
                while ((from = lower.indexOf(needle, from)) >= 0) {
                    count++;
                    from += needle.length() - 1;
                }
            }
            if (count > 0) {
                hits.put(topic, count);
            }
        });
        int best = hits.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> tags = new ArrayList<>();
        hits.entrySet().stream()
                // A topic needs two mentions, or to be the strongest there is.
                .filter(e -> e.getValue() >= 2 || e.getValue() == best)
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(MAX_TAGS)
                .forEach(e -> tags.add(e.getKey()));
        return tags.isEmpty() ? List.of(FALLBACK) : tags;
    }
}
