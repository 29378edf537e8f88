package org.masthead.http;

/**
 * The security headers every response carries, in one place. No page has an inline script (JSON-LD
 * is data, not script), so reader pages allow scripts and styles from this origin only and need no
 * nonce or hash: cached pages stay byte-identical. The newsroom's editor (TinyMCE 6) sets inline
 * styles, so the newsroom allows those, still from no other origin. Nothing may frame either.
 */
public final class SecurityHeaders {
    /** The players a click-to-load embed may frame once a reader asks (article.Embeds makes their addresses). */
    public static final String EMBED_FRAME_HOSTS = "https://www.youtube-nocookie.com https://player.vimeo.com https://platform.twitter.com https://www.instagram.com";
    public static final String READER_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
        + "frame-src " + EMBED_FRAME_HOSTS;
    public static final String NEWSROOM_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; font-src 'self'; frame-src 'self'; child-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {}

    /** The Content-Security-Policy for a path. */
    public static String cspFor(String path) {
        return path != null && (path.equals("/newsroom") || path.startsWith("/newsroom/")) ? NEWSROOM_CSP : READER_CSP;
    }

    /** Calls {@code header} for each security header of a response to {@code path}. */
    public static void apply(String path, java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", cspFor(path));
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", REFERRER_POLICY);
    }
}
