package org.masthead.http;

/**
 * Rules for text typed by people: which characters a field may hold, and how stored text is made
 * safe for XML. Input refuses control characters with a message (422); output drops whatever XML 1.0
 * cannot carry, so one bad row never takes a feed or sitemap down.
 */
public final class PlainText {
    private PlainText() {}

    /** True when {@code s} holds a character no one types into a one-line field: C0/C1 controls (tab included), line breaks, U+FFFE/U+FFFF, lone surrogates. */
    public static boolean hasControl(String s) { return hasControl(s, false); }

    /** At most {@code max} code points of {@code s}, with "…" when cut (for quoting input back in a message). */
    public static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    /** As {@link #hasControl(String)}, but tabs and line breaks are fine (a body, a caption). */
    public static boolean hasControlInText(String s) { return hasControl(s, true); }

    /** {@code s} without the characters {@link #hasControl} (or, {@code multiline}, {@link #hasControlInText}) refuses: for text brought in from elsewhere. */
    public static String withoutControls(String s, boolean multiline) {
        if (!hasControl(s, multiline)) return s;
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                out.append(c);
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff || c == 0x2028 || c == 0x2029) continue;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) continue;
            out.append(c);
        }
        return out.toString();
    }

    private static boolean hasControl(String s, boolean multiline) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) continue;
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff || c == 0x2028 || c == 0x2029) return true;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} without the characters XML 1.0 forbids (NUL and other C0 controls, U+FFFE/U+FFFF, lone surrogates). */
    public static String xmlSafe(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) out.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
            if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (ok && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }

    /** {@code s} with every control character HTML forbids (C0 but tab, line feed, carriage return; DEL; C1; lone surrogates) as U+FFFD. */
    public static String htmlSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = !pair && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c <= 0x9f)
                || Character.isSurrogate(c));
            if (bad && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) out.append(bad ? '\uFFFD' : c);
            if (pair) {
                if (out != null) out.append(s.charAt(i + 1));
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** Text escaped for HTML, for places that take HTML but hold plain text (RSS descriptions). */
    public static String escapeHtml(String s) {
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
