package org.masthead.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's address behind trusted proxies (a CDN, a load balancer): when the connection comes
 * from an address in {@code http.trusted-proxies}, the rightmost X-Forwarded-For entry that is not a
 * trusted proxy is the client; otherwise the connection's own address. With no trusted proxies
 * (the default) X-Forwarded-For is ignored, so nobody can choose their own address.
 */
public final class ClientAddress {
    private record Cidr(byte[] network, int bits) {}

    private final List<Cidr> trusted;

    private ClientAddress(List<Cidr> trusted) { this.trusted = trusted; }

    /** Parses "10.0.0.0/8, 2001:db8::/32, 203.0.113.7"; throws IllegalArgumentException naming a bad entry. */
    public static ClientAddress trusting(String cidrs) {
        var list = new ArrayList<Cidr>();
        for (var raw : cidrs.split(",")) {
            var entry = raw.strip();
            if (entry.isEmpty()) continue;
            var slash = entry.indexOf('/');
            var host = slash < 0 ? entry : entry.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
            try {
                var address = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) throw new IllegalArgumentException("'" + entry + "' has a bad prefix length");
                list.add(new Cidr(address, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
            }
        }
        return new ClientAddress(List.copyOf(list));
    }

    public String resolve(String remote, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(remote)) return remote;
        var hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].strip();
            if (hop.isEmpty()) continue;
            if (!isTrusted(hop)) return hop.matches("[0-9a-fA-F:.]+") ? hop : remote;
        }
        return remote;
    }

    boolean isTrusted(String ip) {
        if (ip == null || !ip.matches("[0-9a-fA-F:.]+")) return false;
        byte[] a;
        try {
            a = InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (var c : trusted) {
            if (c.network().length != a.length) continue;
            int full = c.bits() / 8;
            int rest = c.bits() % 8;
            boolean match = true;
            for (int i = 0; i < full && match; i++) match = a[i] == c.network()[i];
            if (match && rest > 0) {
                int mask = 0xFF << (8 - rest) & 0xFF;
                match = (a[full] & mask) == (c.network()[full] & mask);
            }
            if (match) return true;
        }
        return false;
    }
}
