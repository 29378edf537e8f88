package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/**
 * Issue 8: twelve 7700×7700 16-bit PNGs (each ~474 MB decoded, well under the pixel limit) uploaded
 * at once no longer fill the heap: decodes are subsampled and share one budget; the health check
 * answers throughout; every upload is stored or refused with 503 and Retry-After, never a 500.
 */
class PixelBombConcurrencyIT {
    @Test
    void twelve_concurrent_pixel_bombs_stay_within_the_decode_budget_issue_8() throws Exception {
        var bomb = PixelBombs.png16(7700);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("media.max-upload-bytes", String.valueOf(4 * 1024 * 1024)))) {
            var admin = app.signedIn("bomb-admin@example.com", Role.ADMIN);
            var token = org.masthead.testing.Api.token(admin, "editor");
            var http = HttpClient.newHttpClient();
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            var peak = new AtomicLong();
            var done = new AtomicBoolean();
            var healthFailures = new AtomicLong();
            var watcher = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        var h = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/_/health")).timeout(java.time.Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                        if (h.statusCode() != 200) healthFailures.incrementAndGet();
                        Thread.sleep(20);
                    } catch (Exception e) {
                        healthFailures.incrementAndGet();
                    }
                }
            });
            var pool = Executors.newFixedThreadPool(12);
            var results = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 12; i++) {
                var file = i == 0 ? bomb : distinct(bomb, i);
                results.add(pool.submit(() -> org.masthead.testing.Api.uploadPhoto(app.baseUrl(), token, file, Map.of())));
            }
            var statuses = new ArrayList<Integer>();
            for (var f : results) {
                var res = f.get();
                statuses.add(res.statusCode());
                if (res.statusCode() == 503) assertThat(res.headers().firstValue("Retry-After")).isPresent();
            }
            done.set(true);
            watcher.join();
            pool.shutdown();
            System.out.printf("pixel bombs: statuses %s, heap peak %d MB above a %d MB baseline%n", statuses,
                (peak.get() - baseline) >> 20, baseline >> 20);
            assertThat(statuses).allMatch(s -> s == 201 || s == 503);
            assertThat(statuses).contains(201);
            assertThat(healthFailures.get()).isZero();
            assertThat(peak.get() - baseline).isLessThan(1024L << 20); // twelve full decodes would be ~5.7 GB
        }
    }

    /** The same image with a different tEXt chunk, so each upload is a new file (not a duplicate). */
    static byte[] distinct(byte[] png, int i) {
        var text = ("Comment\0bomb " + i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var chunk = new java.io.ByteArrayOutputStream();
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(text.length).array());
        chunk.writeBytes("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        chunk.writeBytes(text);
        var crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(text);
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        var out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR
        out.writeBytes(chunk.toByteArray());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
