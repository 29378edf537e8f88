package org.masthead.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * SSRF guard for every request Masthead makes on its own (purge hooks, webhooks): http(s) only, and
 * no loopback, link-local, private, carrier-grade NAT, multicast or unique-local addresses unless an
 * admin allowed them in configuration ({@code http.allow-private-targets}).
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
            for (var address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) return uri.getHost() + " resolves to the internal address " + address.getHostAddress()
                    + " (set http.allow-private-targets=true to allow it)";
            }
        } catch (UnknownHostException e) {
            return "cannot resolve " + uri.getHost();
        }
        return null;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) return true;
        var b = a.getAddress();
        if (b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64) return true;      // 100.64.0.0/10
        return a instanceof Inet6Address && (b[0] & 0xFE) == 0xFC;                            // fc00::/7
    }
}
