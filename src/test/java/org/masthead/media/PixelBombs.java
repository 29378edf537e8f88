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
}
