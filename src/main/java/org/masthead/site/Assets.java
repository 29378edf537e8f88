package org.masthead.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own CSS and JavaScript (src/main/resources/assets), loaded into memory once and addressed by a
 * content fingerprint ({@code /assets/site.css?v=1a2b3c4d}) so they can be cached for a year.
 */
public final class Assets {
    public record Asset(String name, byte[] bytes, String contentType, String fingerprint) {}

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public static Assets load(List<String> names) {
        var a = new Assets();
        for (var name : names) {
            try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
                if (in == null) throw new IllegalStateException("missing asset " + name);
                var bytes = in.readAllBytes();
                var hash = org.masthead.http.Digests.sha256Hex(bytes).substring(0, 12);
                var type = name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
                a.assets.put(name, new Asset(name, bytes, type, hash));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return a;
    }

    /** The fingerprinted URL of an asset. */
    public String url(String name) {
        var a = assets.get(name);
        if (a == null) throw new IllegalArgumentException("unknown asset " + name);
        return "/assets/" + name + "?v=" + a.fingerprint();
    }

    public java.util.Optional<Asset> find(String name) { return java.util.Optional.ofNullable(assets.get(name)); }
}
