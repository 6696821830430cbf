package dev.warta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes made-up Indonesian news articles of a realistic length for the benchmark: a title and 500-600 words in
 * paragraphs of two to four sentences, and, for a share of them, three times that (about 1,700 words), long enough
 * that the model engine translates them in chunks (with the default {@code warta.llm.chunk-tokens}: two chunks and
 * a summary call). Everything is drawn from a {@link Random} seeded with the article's number, so the same count
 * always gives the same files; figures and names differ from article to article, so no two share a content hash
 * and none is a cache hit.
 * <p>
 * The sentences are ours, written for this purpose, in the plain register of regional news; the events never
 * happened. They use only what the offline gist (the simulator's "translation") renders faithfully, numerals,
 * names of people and places, so the faithfulness checks pass and no article is re-asked.
 */
final class NewsArticleGenerator {

    private static final List<String> CITIES = List.of("Bandung", "Semarang", "Malang", "Medan", "Makassar",
            "Palembang", "Pontianak", "Manado", "Kupang", "Padang", "Jambi", "Kendari", "Cirebon", "Bogor",
            "Balikpapan", "Mataram", "Ambon", "Jayapura", "Banjarmasin", "Yogyakarta", "Surakarta", "Pekanbaru",
            "Bengkulu");
    private static final List<String> PEOPLE = List.of("Agus Santoso", "Dewi Lestari", "Bambang Sutrisno",
            "Rina Marlina", "Hendra Wijaya", "Sri Wahyuni", "Joko Purnomo", "Nur Aisyah", "Yusuf Hidayat",
            "Siti Rahmawati", "Budi Hartono", "Wulan Sari", "Eko Prasetyo", "Fitri Handayani", "Rudi Setiawan");

    /** Openings, one per topic: {@code {C}} city, {@code {CU}} city upper-cased, {@code {P}} person, {@code {N}} {@code {F}} figures. */
    private static final List<String[]> TOPICS = List.of(
            new String[]{"Banjir Rendam {N} Rumah di {C}",
                    "{CU} – Hujan deras sejak Senin malam menyebabkan banjir di {F} kecamatan di {C}. Ketinggian air"
                            + " mencapai 80 sentimeter di beberapa permukiman warga."},
            new String[]{"Harga Cabai Rawit di {C} Naik {F} Kali Lipat",
                    "{CU} – Harga cabai rawit di pasar tradisional {C} naik tajam dalam dua pekan terakhir. Para"
                            + " pedagang menyebut pasokan dari petani berkurang karena cuaca buruk."},
            new String[]{"Jembatan Baru Sepanjang {N} Meter di {C} Segera Dibuka",
                    "{CU} – Jembatan baru sepanjang {N} meter di {C} akan dibuka untuk umum bulan ini. Pembangunan"
                            + " jembatan itu memakan waktu hampir dua tahun."},
            new String[]{"Pemerintah Kota {C} Salurkan Beasiswa untuk {N} Pelajar",
                    "{CU} – Pemerintah Kota {C} menyalurkan beasiswa kepada {N} pelajar dari keluarga kurang mampu."
                            + " Bantuan itu diberikan setiap semester selama {F} tahun."},
            new String[]{"Festival Kuliner {C} Dikunjungi {N} Orang",
                    "{CU} – Festival kuliner tahunan di {C} dikunjungi {N} orang pada hari pertama. Acara itu"
                            + " berlangsung selama {F} hari di alun-alun kota."});

    /** Body sentences, any topic. */
    private static final List<String> SENTENCES = List.of(
            "Menurut {P}, sebanyak {N} warga telah menerima bantuan dari pemerintah daerah.",
            "Petugas gabungan dari {F} instansi dikerahkan ke lokasi sejak pagi hari.",
            "Warga berharap pemerintah segera mengambil langkah yang lebih tegas.",
            "Kepala dinas setempat mengatakan anggaran untuk program itu sudah disiapkan.",
            "Kegiatan tersebut akan dievaluasi setiap bulan oleh tim khusus.",
            "Sebagian besar warga menyambut baik rencana tersebut.",
            "Hujan deras yang turun sejak sore membuat jalan utama sulit dilalui kendaraan.",
            "Para pedagang di pasar tradisional mengeluhkan sepinya pembeli dalam beberapa hari terakhir.",
            "{P} meminta masyarakat tetap tenang dan mengikuti arahan petugas.",
            "Polisi menutup sebagian jalan selama {F} jam untuk mengatur arus lalu lintas.",
            "Sekolah di {C} kembali dibuka setelah diliburkan selama {F} hari.",
            "Rumah sakit daerah menyiapkan {N} tempat tidur tambahan untuk pasien.",
            "Pemerintah provinsi berjanji akan memperbaiki jalan yang rusak sebelum akhir tahun.",
            "Menurut data dinas kesehatan, jumlah pasien meningkat dibandingkan bulan lalu.",
            "Seorang warga bernama {P} mengatakan ia sudah menunggu sejak pagi.",
            "Para petani berharap harga pupuk turun menjelang musim tanam.",
            "Acara itu juga dihadiri oleh perwakilan dari {F} kabupaten di sekitar {C}.",
            "Pihak kepolisian masih menyelidiki penyebab kejadian tersebut.",
            "Bantuan berupa beras, minyak goreng, dan air bersih dibagikan kepada warga.",
            "Pemerintah kota menyediakan bus gratis bagi warga yang ingin pulang ke kampung halaman.",
            "Dinas pendidikan mencatat ada {N} siswa yang mengikuti ujian tahun ini.",
            "Wali kota {C} berjanji akan meninjau kembali aturan tersebut.",
            "Kepala desa setempat mengatakan warganya sudah lama menunggu bantuan itu.",
            "Menurut warga, masalah ini sudah terjadi sejak {F} tahun lalu.",
            "Pemerintah daerah juga akan membangun {F} sumur baru di desa yang kekurangan air.",
            "Para relawan bekerja sepanjang malam untuk membersihkan lumpur dari rumah warga.",
            "Harga beras di pasar {C} tercatat stabil selama sepekan terakhir.",
            "Anggota dewan daerah meminta pemerintah lebih terbuka soal penggunaan anggaran.",
            "Sebanyak {N} kendaraan melintas di jalan itu setiap hari.",
            "{P} mengatakan pihaknya akan terus memantau perkembangan di lapangan.",
            "Warga diminta melapor kepada petugas jika melihat hal yang mencurigakan.",
            "Pasar murah akan digelar di {F} lokasi selama sepekan.",
            "Banyak pengunjung datang bersama keluarga pada akhir pekan.",
            "Pemerintah daerah berharap kegiatan ini dapat meningkatkan pendapatan warga.",
            "Jalan menuju desa itu rusak berat dan belum pernah diperbaiki.",
            "Petugas kebersihan mengangkut {N} karung sampah dari lokasi acara.",
            "Sebagian warga memilih mengungsi ke rumah kerabat di {C}.",
            "Dinas sosial mendirikan dapur umum untuk para pengungsi.",
            "{P}, seorang guru di {C}, mengatakan murid-muridnya sangat senang.",
            "Pembangunan gedung baru itu ditargetkan selesai dalam {F} bulan.",
            "Harga daging ayam juga ikut naik di sejumlah pasar.",
            "Pemerintah pusat akan mengirim tim untuk meninjau lokasi.",
            "Para nelayan tidak melaut karena gelombang tinggi.",
            "Kantor kecamatan tetap buka untuk melayani warga.",
            "Sebanyak {N} orang mendaftar sebagai relawan dalam kegiatan itu.",
            "Ia menambahkan bahwa warga tidak perlu khawatir.");
    private static final List<String> OPENERS = List.of("", "", "", "", "", "", "", "Sementara itu, ", "Selain itu, ",
            "Di sisi lain, ", "Pada hari Selasa, ", "Hingga kini, ");

    private NewsArticleGenerator() {
    }

    /**
     * Writes {@code count} articles as {@code article-00001.txt}… into {@code folder}: every {@code longEvery}-th
     * one (0: none) long enough to be chunked. Returns the folder.
     */
    static Path write(Path folder, int count, int longEvery) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "article-%05d.txt", i + 1));
            Files.writeString(file, article(i, longEvery > 0 && i % longEvery == longEvery / 2),
                    StandardCharsets.UTF_8);
        }
        return folder;
    }

    /** Article number {@code i}: a title line, a blank line, then paragraphs separated by blank lines. */
    static String article(int i, boolean chunked) {
        Random random = new Random(0x5eed_0000L + i);
        String city = CITIES.get(i % CITIES.size());
        // every article's opening figure is its own, so no two articles have the same text
        int opening = 120 + 7 * i;
        int wordsWanted = (500 + random.nextInt(101)) * (chunked ? 3 : 1);
        String[] topic = TOPICS.get(i % TOPICS.size());
        String title = fill(topic[0], city, random, opening);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(topic[1], city, random, opening));
        int words = words(title) + words(paragraphs.get(0));
        List<String> deck = new ArrayList<>(SENTENCES);
        int next = deck.size();
        while (words < wordsWanted) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences && words < wordsWanted; s++) {
                if (next == deck.size()) {
                    // each sentence once before any comes again, in an order of the article's own
                    java.util.Collections.shuffle(deck, random);
                    next = 0;
                }
                String opener = OPENERS.get(random.nextInt(OPENERS.size()));
                String body = fill(deck.get(next++), city, random, 0);
                if (!opener.isEmpty() && !deck.get(next - 1).startsWith("{")) {
                    body = Character.toLowerCase(body.charAt(0)) + body.substring(1);
                }
                String sentence = opener + body;
                sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence);
                words += words(sentence);
            }
            paragraphs.add(paragraph.toString());
        }
        return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    private static String fill(String template, String city, Random random, int figure) {
        String text = template.replace("{CU}", city.toUpperCase(Locale.ROOT)).replace("{C}", city);
        while (text.contains("{P}")) {
            text = text.replaceFirst("\\{P}", PEOPLE.get(random.nextInt(PEOPLE.size())));
        }
        while (text.contains("{N}")) {
            text = text.replaceFirst("\\{N}", Integer.toString(figure > 0 ? figure : 20 + random.nextInt(4_000)));
        }
        while (text.contains("{F}")) {
            text = text.replaceFirst("\\{F}", Integer.toString(3 + random.nextInt(9)));
        }
        return text;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
