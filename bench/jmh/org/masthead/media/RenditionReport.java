package org.masthead.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.masthead.db.Database;

/**
 * Metadata + validation + every rendition of one 24-megapixel JPEG (6000×4000, noisy so it
 * compresses like a photo), timed, with the heap's peak. Run by bench/renditions.sh.
 */
public final class RenditionReport {
    public static void main(String[] args) throws Exception {
        var image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
        var random = new Random(24);
        var g = image.createGraphics();
        for (int i = 0; i < 4000; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(6000), random.nextInt(4000), 20 + random.nextInt(400), 20 + random.nextInt(400));
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        image = null;
        var jpeg = out.toByteArray();
        var dir = Files.createTempDirectory("masthead-renditions-");
        try (var db = Database.open(dir, "", "", "", 2)) {
            var store = new MediaStore(db);
            var blobs = new FileBlobStore(dir.resolve("media"));
            var uploads = new PhotoUploads(store, blobs, 200L << 20, 100_000_000L, org.masthead.media.DecodeBudget.ofHeap(), Clock.systemUTC());
            var renditions = new Renditions(store, blobs, List.of(320, 640, 960, 1280, 1920));
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            var photo = uploads.upload(jpeg, new PhotoText("Bench", "MASTHEAD/Bench", "Bench", "", "Alt", ""), null);
            long t1 = System.nanoTime();
            int made = renditions.renderAll(store.findSource(photo.sha256()).orElseThrow());
            long t2 = System.nanoTime();
            System.out.printf("24 MP JPEG (%.1f MB): validate + metadata + store %d ms; %d renditions %d ms; total %d ms%n",
                jpeg.length / 1048576.0, (t1 - t0) / 1_000_000, made, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
            System.out.printf("heap peak during the run: %.0f MB (max heap %d MB)%n", peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    static void resetPeaks() {
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }

    static double peakHeapMb() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        return sum / 1048576.0;
    }
}
