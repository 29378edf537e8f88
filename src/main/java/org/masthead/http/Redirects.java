package org.masthead.http;

/** Where this site may send a browser: only paths on its own host. */
public final class Redirects {
    private Redirects() {}

    /**
     * True for "/x…" that every browser reads as a path on this host: not "//host", not "/\host"
     * (browsers treat a backslash as a slash), no control characters or white space that could be
     * trimmed into either.
     */
    public static boolean isLocal(String location) {
        if (location == null || location.isEmpty() || location.charAt(0) != '/') return false;
        if (location.length() > 1 && (location.charAt(1) == '/' || location.charAt(1) == '\\')) return false;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || c > 0x7e) return false;
        }
        return true;
    }
}
