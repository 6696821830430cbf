package dev.warta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes made-up Indonesian news articles for the benchmark: a title and three short paragraphs each (five
 * sentences, about 90 words), small enough that the model engine translates each in exactly one call. The figures
 * in every article are derived from its number, so no two articles share a content hash and none is a cache hit.
 * The sentences are ours, written for this purpose; the events never happened.
 */
final class ArticleGenerator {

    private static final List<String> CITIES = List.of("Bandung", "Semarang", "Malang", "Medan", "Makassar",
            "Palembang", "Pontianak", "Manado", "Kupang", "Padang", "Jambi", "Kendari", "Cirebon", "Bogor",
            "Balikpapan", "Mataram", "Ambon", "Jayapura", "Banjarmasin", "Yogyakarta", "Surakarta", "Pekanbaru",
            "Bengkulu");
    private static final List<String> OFFICIALS = List.of("Agus Santoso", "Dewi Lestari", "Bambang Sutrisno",
            "Rina Marlina", "Hendra Wijaya", "Sri Wahyuni", "Joko Purnomo", "Nur Aisyah", "Yusuf Hidayat");
    private static final int TOPICS = 5;

    private ArticleGenerator() {
    }

    /** Writes {@code count} articles as {@code article-00001.txt}… into {@code folder}; returns the folder. */
    static Path write(Path folder, int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "article-%05d.txt", i + 1));
            Files.writeString(file, article(i), StandardCharsets.UTF_8);
        }
        return folder;
    }

    /** Article number {@code i}: a title line, a blank line, then paragraphs separated by blank lines. */
    static String article(int i) {
        String city = CITIES.get(i % CITIES.size());
        String official = OFFICIALS.get((i / CITIES.size()) % OFFICIALS.size());
        // Figures that differ for every i, so every article's text (and content hash) is its own.
        int many = 120 + 7 * i;
        int few = 3 + i % 11;
        int day = 1 + i % 28;
        switch (i % TOPICS) {
            case 0:
                return lines("Banjir Rendam " + many + " Rumah di " + city,
                        city.toUpperCase(Locale.ROOT) + " – Hujan deras sejak Senin malam menyebabkan banjir di " + few
                                + " kecamatan di " + city + ". Ketinggian air mencapai 80 sentimeter di beberapa"
                                + " permukiman warga.",
                        "Kepala BPBD " + city + ", " + official + ", mengatakan sebanyak " + many + " rumah terendam."
                                + " Sebagian warga mengungsi ke balai desa dan masjid terdekat.",
                        "Petugas membagikan makanan dan air bersih kepada para pengungsi. Pemerintah daerah meminta"
                                + " warga tetap waspada karena hujan diperkirakan berlanjut hingga akhir pekan.");
            case 1:
                return lines("Harga Cabai Rawit di " + city + " Naik " + few + " Kali Lipat",
                        city.toUpperCase(Locale.ROOT) + " – Harga cabai rawit di pasar tradisional " + city
                                + " naik tajam dalam dua pekan terakhir. Para pedagang menyebut pasokan dari petani"
                                + " berkurang karena cuaca buruk.",
                        "Menurut " + official + ", kepala dinas perdagangan setempat, pemerintah akan menggelar"
                                + " operasi pasar di " + few + " lokasi. Sebanyak " + many + " kilogram cabai akan"
                                + " dijual dengan harga yang lebih murah.",
                        "Warga berharap harga kembali normal sebelum bulan depan. Seorang ibu rumah tangga mengatakan"
                                + " ia terpaksa mengurangi belanja sayur setiap hari.");
            case 2:
                return lines("Jembatan Baru di " + city + " Dibuka pada Tanggal " + day + " Bulan Ini",
                        city.toUpperCase(Locale.ROOT) + " – Jembatan baru sepanjang " + many + " meter di " + city
                                + " akan dibuka untuk umum bulan ini. Pembangunan jembatan itu memakan waktu hampir"
                                + " dua tahun.",
                        official + ", kepala dinas pekerjaan umum, mengatakan jembatan tersebut akan memperpendek"
                                + " waktu perjalanan warga hingga " + few + " jam. Kendaraan berat tetap dilarang"
                                + " melintas pada malam hari.",
                        "Para pedagang di sekitar lokasi menyambut baik pembukaan jembatan itu. Mereka berharap"
                                + " jumlah pembeli meningkat setelah akses jalan menjadi lebih mudah.");
            case 3:
                return lines("Pemerintah Kota " + city + " Salurkan Beasiswa untuk " + many + " Pelajar",
                        city.toUpperCase(Locale.ROOT) + " – Pemerintah Kota " + city + " menyalurkan beasiswa kepada "
                                + many + " pelajar dari keluarga kurang mampu. Bantuan itu diberikan setiap semester"
                                + " selama " + few + " tahun.",
                        "Wali kota " + city + " mengatakan program ini bertujuan mencegah anak putus sekolah."
                                + " Penerima beasiswa dipilih oleh tim dari dinas pendidikan, kata " + official + ".",
                        "Orang tua siswa menyambut gembira bantuan tersebut. Mereka mengaku biaya sekolah selama ini"
                                + " menjadi beban yang berat bagi keluarga.");
            default:
                return lines("Festival Kuliner " + city + " Dikunjungi " + many + " Orang",
                        city.toUpperCase(Locale.ROOT) + " – Festival kuliner tahunan di " + city + " dikunjungi "
                                + many + " orang pada hari pertama. Acara itu berlangsung selama " + few + " hari di"
                                + " alun-alun kota.",
                        "Ketua panitia, " + official + ", mengatakan ada puluhan pedagang makanan khas daerah yang"
                                + " ikut serta. Sebagian besar pengunjung datang bersama keluarga.",
                        "Pemerintah daerah berharap festival ini menarik lebih banyak wisatawan. Panitia juga"
                                + " menyediakan tempat parkir tambahan di sekitar lokasi acara.");
        }
    }

    private static String lines(String title, String... paragraphs) {
        return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
    }
}
