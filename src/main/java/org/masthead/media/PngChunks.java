package org.masthead.media;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Checks a PNG's chunk structure and every chunk's CRC, which Java's PNG decoder does not: a file
 * with a corrupt chunk would otherwise be accepted and stored as it is.
 */
final class PngChunks {
    private PngChunks() {}

    static boolean intact(byte[] png) {
        if (png.length < 8 + 12) return false;
        var buf = ByteBuffer.wrap(png);
        buf.position(8);
        boolean sawHeader = false;
        boolean sawData = false;
        while (buf.remaining() >= 12) {
            long length = buf.getInt() & 0xFFFFFFFFL;
            if (length > buf.remaining() - 8) return false;
            int typeStart = buf.position();
            var type = new String(png, typeStart, 4, java.nio.charset.StandardCharsets.US_ASCII);
            var crc = new CRC32();
            crc.update(png, typeStart, 4 + (int) length);
            buf.position(typeStart + 4 + (int) length);
            if ((buf.getInt() & 0xFFFFFFFFL) != crc.getValue()) return false;
            if (type.equals("IHDR")) sawHeader = true;
            if (type.equals("IDAT")) sawData = true;
            if (type.equals("IEND")) return sawHeader && sawData;
        }
        return false;
    }
}
