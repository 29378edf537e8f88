package org.masthead.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Bounds the memory that decoding photos takes, across every upload and rendition at once. A small
 * file can claim a huge decoded size (a 461 KB PNG of 7700×7700 px at 16 bits is ~474 MB of pixels),
 * so decodes are subsampled to at most {@code maxSide} pixels on the long side and each one first
 * claims the bytes its decoded image will take from a shared budget. A decode that cannot get its
 * share within {@code wait} is refused with 503 and Retry-After, instead of filling the heap. Decodes
 * are CPU-bound, so only {@code concurrent} run at once (one fewer than the cores): the health check
 * and reader pages, which decode nothing, keep a core and keep answering.
 */
public final class DecodeBudget {
    private static final int UNIT = 1024; // permits are KiB
    private final Semaphore permits;
    private final Semaphore decoders;
    private final int totalKib;
    private final Duration wait;

    /** {@code concurrent}: decodes at once (they are CPU-bound: one fewer than the cores leaves the rest of the site a core). */
    public DecodeBudget(long bytes, int concurrent, Duration wait) {
        if (bytes < UNIT) throw new IllegalArgumentException("decode budget must be at least 1 KiB");
        this.decoders = new Semaphore(Math.max(1, concurrent), true);
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, bytes / UNIT);
        this.permits = new Semaphore(totalKib, true);
        this.wait = wait;
    }

    /** A quarter of the heap, waiting up to 10 s for a share. */
    public static DecodeBudget ofHeap() {
        return new DecodeBudget(Runtime.getRuntime().maxMemory() / 4, Runtime.getRuntime().availableProcessors() - 1, Duration.ofSeconds(10));
    }

    /** KiB not claimed now (for metrics and tests). */
    public int availableKib() { return permits.availablePermits(); }

    /** What the decode of a {@code width}×{@code height} image subsampled by {@code step} holds: its raster plus the RGB copy made of it. */
    static long bytesFor(int width, int height, int step, int bytesPerPixel) {
        long w = (width + step - 1) / step;
        long h = (height + step - 1) / step;
        return w * h * (bytesPerPixel + 4L);
    }

    /** The subsampling step that brings the long side of a {@code width}×{@code height} image to at most {@code maxSide}. */
    static int stepFor(int width, int height, int maxSide) {
        return Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
    }

    /**
     * Decodes the first image of {@code bytes} with every decoder warning treated as damage,
     * subsampled so its long side is at most {@code maxSide}, within the budget. Throws
     * {@link UploadRejected} (503) when the budget stays exhausted.
     */
    public BufferedImage decode(byte[] bytes, int maxSide) throws IOException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("no decoder for this image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> { throw new IllegalStateException(warning); });
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new IOException("image has no size");
                int step = stepFor(w, h, maxSide);
                int bpp = bytesPerPixel(reader);
                int kib = (int) Math.min(totalKib, Math.max(1, bytesFor(w, h, step, bpp) / UNIT));
                long deadline = System.nanoTime() + wait.toNanos();
                if (!decoders.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) throw busy();
                if (!permits.tryAcquire(kib, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    decoders.release();
                    throw busy();
                }
                try {
                    var param = reader.getDefaultReadParam();
                    if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                    var image = reader.read(0, param);
                    if (image == null) throw new IOException("image decoded to nothing");
                    return image;
                } finally {
                    permits.release(kib);
                    decoders.release();
                }
            } finally {
                reader.dispose();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRejected(503, "The server is stopping; try again shortly.");
        }
    }

    private static UploadRejected busy() {
        return new UploadRejected(503, "The server is busy decoding other photos; try again in a few seconds.");
    }

    private static int bytesPerPixel(ImageReader reader) throws IOException {
        try {
            var type = reader.getRawImageType(0);
            if (type == null) return 8;
            var sm = type.getSampleModel();
            int bits = 0;
            for (int b = 0; b < sm.getNumBands(); b++) bits += sm.getSampleSize(b);
            return Math.max(1, (bits + 7) / 8);
        } catch (RuntimeException e) {
            return 8; // unknown layout: assume 16-bit RGBA
        }
    }
}
