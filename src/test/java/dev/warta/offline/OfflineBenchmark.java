package dev.warta.offline;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Glossary;
import dev.warta.article.Translation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the offline engine: heap taken by the loaded lexicon, and the time to translate a batch of generated
 * articles on a thread pool. A measuring tool, not part of the job:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.warta.offline.OfflineBenchmark [ARTICLES] [THREADS]} (defaults 1000 and the
 * number of processors).
 */
public final class OfflineBenchmark {

    /** Paragraphs written for this benchmark, combined and numbered so every generated article differs. */
    private static final List<String> PARAGRAPHS = List.of(
            "Pemerintah Provinsi Jawa Barat menyiapkan anggaran sebesar Rp 1,5 triliun untuk memperbaiki jalan dan "
                    + "jembatan yang rusak akibat banjir pada awal tahun ini.",
            "Kepala Dinas Pekerjaan Umum, Budi Hartono, mengatakan perbaikan akan dimulai pada 3 Maret dan "
                    + "ditargetkan selesai sebelum musim hujan berikutnya.",
            "\"Kami sudah memetakan 120 titik kerusakan di 14 kabupaten,\" ujarnya kepada wartawan di Bandung, Senin (10/2).",
            "Sejumlah warga mengeluhkan kemacetan panjang di jalur utama karena para pekerja menutup sebagian ruas jalan.",
            "Menurut data Badan Pusat Statistik, pertumbuhan ekonomi provinsi itu mencapai 5,2 persen pada kuartal "
                    + "ketiga, lebih tinggi daripada rata-rata nasional.",
            "Anggota DPRD meminta pemerintah daerah membuka informasi tentang kontraktor yang memenangkan tender "
                    + "agar masyarakat dapat ikut mengawasi pekerjaan tersebut.",
            "Polisi telah menangkap tiga tersangka pencurian kabel listrik di kawasan industri Cikarang.",
            "Presiden Rusia dan Perdana Menteri Jepang dijadwalkan bertemu di Jakarta bulan depan untuk membahas "
                    + "kerja sama perdagangan dan energi.");

    private OfflineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Glossary glossary = Glossary.starter();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long loadStart = System.nanoTime();
        Lexicon lexicon = Lexicon.bundled();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long after = settledHeap(memory);
        System.out.printf("lexicon: %d entries (%d words, %d phrases with English), loaded in %d ms, "
                        + "heap %.1f MB (used heap after GC, before vs after loading)%n",
                lexicon.size(), lexicon.translatedWords(), lexicon.translatedPhrases(), loadMillis,
                (after - before) / 1024.0 / 1024.0);

        OfflineEngine engine = new OfflineEngine(glossary, lexicon);
        List<Article> batch = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            batch.add(generated(i));
        }
        engine.translate(batch.get(0)); // warm-up of one article; the JIT still warms up during the run
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long words = 0;
        try {
            List<Future<Translation>> results = new ArrayList<>();
            for (Article article : batch) {
                results.add(pool.submit(() -> engine.translate(article)));
            }
            for (Future<Translation> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (Article article : batch) {
            words += article.body().split("\\s+").length;
        }
        System.out.printf("translated %d articles (%d words) on %d threads in %d ms (%.1f articles/s)%n",
                articles, words, threads, millis, articles * 1000.0 / Math.max(1, millis));
    }

    private static Article generated(int index) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            paragraphs.add(PARAGRAPHS.get((index + p * 3) % PARAGRAPHS.size()).replace("120", String.valueOf(100 + index)));
        }
        return new Article("bench-" + index, "generated", null, "Perbaikan Jalan Rusak Dimulai Maret " + index,
                paragraphs, ArticleMetadata.EMPTY, "id", 1.0, "bench-" + index);
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
