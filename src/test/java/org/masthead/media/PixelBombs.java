package org.masthead.media;

import java.io.ByteArrayOutputStream;
import org.masthead.testing.Fixtures;

/** Derived at test time: a small real JPEG whose SOF header claims a huge size. */
final class PixelBombs {
    private PixelBombs() {}

    static byte[] jpegHeader(int width, int height) {
        var jpeg = Fixtures.jpeg(16, 16, 1);
        var out = new ByteArrayOutputStream();
        out.writeBytes(jpeg);
        var b = out.toByteArray();
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    /**
     * A real, valid PNG of {@code size}×{@code size} pixels, 16-bit RGBA, all black: a few hundred KB
     * that decode to size² × 8 bytes (7700 px: ~474 MB). Written row by row, never held decoded.
     */
    static byte[] png16(int size) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        var compressed = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(compressed, new java.util.zip.Deflater(9))) {
            var row = new byte[1 + size * 8];
            for (int y = 0; y < size; y++) z.write(row);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var len = java.nio.ByteBuffer.allocate(4).putInt(data.length).array();
        out.writeBytes(len);
        var typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
