package org.masthead.http;

/** Strong-ETag comparison for If-None-Match. */
public final class Etags {
    private Etags() {}

    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (var t : ifNoneMatch.split(",")) {
            var tag = t.trim();
            if (tag.equals(etag) || tag.equals("*")) return true;
        }
        return false;
    }
}
