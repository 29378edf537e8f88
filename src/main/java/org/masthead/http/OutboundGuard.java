package org.masthead.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * SSRF guard for every request Masthead makes on its own (purge hooks, webhooks): http(s) only, and
 * no internal or special-purpose address unless an admin allowed them ({@code http.allow-private-targets}).
 * Refused: loopback, unspecified, link-local, private, carrier-grade NAT, multicast, broadcast,
 * documentation, benchmarking and reserved IPv4 ranges; the IPv6 equivalents (loopback, link- and
 * site-local, unique-local, multicast, documentation, discard); and IPv6 forms that carry an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo), judged by the address they carry.
 *
 * <p>{@link #client} connects only to the addresses it checked, in the same lookup: a name that
 * resolves to a public address at check time and to 127.0.0.1 a moment later (DNS rebinding)
 * never reaches the internal one. Refusals never say what an internal name resolved to.
 */
public final class OutboundGuard {
    private final boolean allowPrivate;

    public OutboundGuard(boolean allowPrivate) { this.allowPrivate = allowPrivate; }

    /** The reason {@code url} may not be called, or null when it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "'" + url + "' is not a URL";
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) return "only http and https URLs may be called";
        if (uri.getHost() == null) return "the URL has no host";
        if (allowPrivate) return null;
        try {
            checked(uri.getHost());
        } catch (UnknownHostException e) {
            return e.getMessage();
        }
        return null;
    }

    /** An HTTP client that never follows redirects and connects only to addresses this guard allows. */
    public OkHttpClient client(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(timeout)
            .followRedirects(false).followSslRedirects(false)
            .dns(host -> allowPrivate ? List.of(InetAddress.getAllByName(host)) : checked(host))
            .build();
    }

    /**
     * GETs {@code url} through this guard (its refusal, then its client: no redirects, public addresses only) and returns at most
     * {@code maxBytes}; anything else (refused, not 200, larger) is an IOException whose message says which, for a report.
     */
    public byte[] fetch(String url, long maxBytes, Duration timeout, String userAgent) throws java.io.IOException {
        var refusal = refusal(url);
        if (refusal != null) throw new java.io.IOException("not fetched: " + refusal);
        var request = new okhttp3.Request.Builder().url(url).header("User-Agent", userAgent).build();
        try (var response = client(timeout).newCall(request).execute()) {
            if (response.code() != 200) throw new java.io.IOException("answered " + response.code());
            try (var in = response.body().byteStream()) {
                var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) throw new java.io.IOException("larger than the " + maxBytes / 1024 / 1024 + " MB limit");
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            throw new java.io.IOException("not a usable address: " + e.getMessage(), e);
        }
    }

    /** The addresses of {@code host}, all public; else UnknownHostException with a message that names no address. */
    private static List<InetAddress> checked(String host) throws UnknownHostException {
        var bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("cannot resolve " + host);
        }
        for (var a : all) {
            if (isInternal(a)) throw new UnknownHostException(host + " resolves to an internal address (private, loopback or special-purpose)"
                + " (set http.allow-private-targets=true to allow it)");
        }
        return List.of(all);
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) return true;
        var b = a.getAddress();
        if (a instanceof Inet4Address) return isSpecialV4(b);
        if (!(a instanceof Inet6Address)) return true;
        int w0 = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int w1 = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if ((b[0] & 0xFE) == 0xFC) return true;                                  // fc00::/7 unique local
        if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0xC0) return true;        // fec0::/10 site local (deprecated)
        if (w0 == 0x2001 && w1 == 0x0db8) return true;                           // 2001:db8::/32 documentation
        if (w0 == 0x0100 && w1 == 0 && allZero(b, 4, 8)) return true;            // 100::/64 discard
        if (allZero(b, 0, 10)) {
            boolean mapped = (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;  // ::ffff:a.b.c.d
            boolean compatible = b[10] == 0 && b[11] == 0;                        // ::a.b.c.d (and ::, ::1)
            if (mapped || compatible) return isSpecialV4(tail(b, 12));
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {                                      // 64:ff9b::/96 NAT64, 64:ff9b:1::/48 local NAT64
            return (b[4] & 0xFF) != 0 || b[5] != 0 || isSpecialV4(tail(b, 12));
        }
        if (w0 == 0x2002) return isSpecialV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 carries its IPv4 in bits 16-47
        if (w0 == 0x2001 && w1 == 0) {                                           // Teredo: client IPv4 in the last 32 bits, inverted
            var v4 = tail(b, 12);
            for (int i = 0; i < 4; i++) v4[i] = (byte) ~v4[i];
            return isSpecialV4(v4) || isSpecialV4(new byte[] {b[4], b[5], b[6], b[7]});
        }
        return false;
    }

    /** IPv4 special-purpose ranges (RFC 6890 and friends) that a webhook has no business reaching. */
    static boolean isSpecialV4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224                       // this network, private, loopback, multicast, reserved, broadcast
            || (a0 == 100 && (a1 & 0xC0) == 64)                                      // 100.64.0.0/10 carrier-grade NAT
            || (a0 == 169 && a1 == 254)                                              // link local
            || (a0 == 172 && (a1 & 0xF0) == 16)                                      // 172.16.0.0/12
            || (a0 == 192 && a1 == 168)                                              // 192.168.0.0/16
            || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))                        // 192.0.0.0/24 protocol assignments, TEST-NET-1
            || (a0 == 192 && a1 == 88 && a2 == 99)                                   // 6to4 relay anycast
            || (a0 == 198 && (a1 & 0xFE) == 18)                                      // 198.18.0.0/15 benchmarking
            || (a0 == 198 && a1 == 51 && a2 == 100)                                  // TEST-NET-2
            || (a0 == 203 && a1 == 0 && a2 == 113);                                  // TEST-NET-3
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        var out = new byte[b.length - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }
}
