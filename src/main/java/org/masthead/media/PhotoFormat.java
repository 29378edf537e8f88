package org.masthead.media;

import java.util.Optional;

/** The image formats we accept, recognised by their leading bytes (never by name or declared type). */
public enum PhotoFormat {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

    private final String mime;
    private final String extension;

    PhotoFormat(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    public String mime() { return mime; }
    public String extension() { return extension; }

    public static Optional<PhotoFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return Optional.of(JPEG);
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
            && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return Optional.of(PNG);
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return Optional.of(GIF);
        if (b.length >= 16 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
            && b[11] == 'P') return Optional.of(WEBP);
        return Optional.empty();
    }

    public static PhotoFormat fromMime(String mime) {
        for (var f : values()) if (f.mime.equals(mime)) return f;
        throw new IllegalArgumentException("unknown photo type " + mime);
    }

    public static Optional<PhotoFormat> fromExtension(String ext) {
        for (var f : values()) if (f.extension.equals(ext)) return Optional.of(f);
        return Optional.empty();
    }
}
