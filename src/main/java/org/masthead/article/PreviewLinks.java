package org.masthead.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring preview links: {@code /preview/{articleId}.{expiresAt}.{signature}}, the signature
 * an HMAC-SHA256 of the id and expiry with a key all nodes share. Anyone with the link sees the story
 * as it is now (a draft, or a live story's latest save) until it expires; nothing else can be forged from it.
 */
public final class PreviewLinks {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(48);
    private final byte[] key;
    private final Clock clock;

    public PreviewLinks(String secret, Clock clock) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A link's path part and when it expires (epoch ms). */
    public record Link(String path, long expiresAt) {}

    public Link create(long articleId, Duration lifetime) {
        long expires = clock.millis() + lifetime.toMillis();
        return new Link("/preview/" + articleId + "." + expires + "." + sign(articleId + "." + expires), expires);
    }

    /**
     * A link to {@code editorId}'s pending edit of a live story (their autosaved, unpublished changes):
     * {@code /preview/{id}.{expires}.{editor}.{signature}}.
     */
    public Link createForEdit(long articleId, long editorId, Duration lifetime) {
        long expires = clock.millis() + lifetime.toMillis();
        var signed = articleId + "." + expires + "." + editorId;
        return new Link("/preview/" + signed + "." + sign(signed), expires);
    }

    /** What a token opens: the article, and whose pending edit (null: the story as saved). */
    public record Opened(long articleId, Long editorId, long expiresAt) {}

    /** What a token opens, if its signature holds and it has not expired. */
    public Optional<Opened> open(String token) {
        var parts = token.split("\\.");
        if (parts.length != 3 && parts.length != 4) return Optional.empty();
        for (int i = 0; i < parts.length - 1; i++) if (!parts[i].matches("[0-9]{1,18}")) return Optional.empty();
        var signed = String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1));
        var expected = sign(signed);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[parts.length - 1].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (Long.parseLong(parts[1]) < clock.millis()) return Optional.empty();
        return Optional.of(new Opened(Long.parseLong(parts[0]), parts.length == 4 ? Long.valueOf(parts[2]) : null, Long.parseLong(parts[1])));
    }

    private String sign(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
