package org.masthead.importer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads PHP's {@code serialize()} format, in which WordPress stores attachment metadata
 * ({@code _wp_attachment_metadata}: sizes and {@code image_meta} with credit, copyright, camera).
 * Arrays become maps (keys as text), strings text, numbers Long or Double; objects are refused (never instantiated, only read).
 * Lengths count UTF-8 bytes, as PHP's do. Anything malformed reads as null.
 */
final class PhpValues {
    private final byte[] in;
    private int at;

    private PhpValues(byte[] in) { this.in = in; }

    /** The value, or null when the text is not a PHP-serialized value. */
    static @Nullable Object read(String serialized) {
        var p = new PhpValues(serialized.strip().getBytes(StandardCharsets.UTF_8));
        try {
            var v = p.value(0);
            return p.at == p.in.length ? v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code key} of a serialized array, as a map of text (nested arrays left out), or empty. */
    @SuppressWarnings("unchecked")
    static Map<String, String> textsOf(@Nullable Object value, String key) {
        if (!(value instanceof Map<?, ?> m) || !(m.get(key) instanceof Map<?, ?> inner)) return Map.of();
        var out = new LinkedHashMap<String, String>();
        ((Map<String, Object>) inner).forEach((k, v) -> { if (!(v instanceof Map)) out.put(k, v == null ? "" : v.toString()); });
        return out;
    }

    private @Nullable Object value(int depth) {
        if (depth > 16) throw new IllegalArgumentException("nested too deep");
        char type = (char) in[at];
        if (type == 'N') {
            expect("N;");
            return null;
        }
        at++;
        expect(":");
        switch (type) {
            case 'b' -> { return !until(';').equals("0"); }
            case 'i' -> { return Long.parseLong(until(';')); }
            case 'd' -> { return Double.parseDouble(until(';')); }
            case 's' -> {
                int length = Integer.parseInt(until(':'));
                expect("\"");
                if (length < 0 || at + length > in.length) throw new IllegalArgumentException("string past the end");
                var s = new String(in, at, length, StandardCharsets.UTF_8);
                at += length;
                expect("\";");
                return s;
            }
            case 'a' -> {
                int count = Integer.parseInt(until(':'));
                if (count < 0 || count > in.length) throw new IllegalArgumentException("bad count");
                expect("{");
                var m = new LinkedHashMap<String, Object>();
                for (int i = 0; i < count; i++) {
                    var key = value(depth + 1);
                    m.put(String.valueOf(key), value(depth + 1));
                }
                expect("}");
                return m;
            }
            default -> throw new IllegalArgumentException("unsupported type " + type);
        }
    }

    private String until(char end) {
        int start = at;
        while (in[at] != end) at++;
        var s = new String(in, start, at - start, StandardCharsets.US_ASCII);
        at++;
        return s;
    }

    private void expect(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (in[at++] != s.charAt(i)) throw new IllegalArgumentException("expected " + s);
        }
    }
}
