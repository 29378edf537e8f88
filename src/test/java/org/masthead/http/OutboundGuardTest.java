package org.masthead.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Issue 8: every internal or special-purpose address is refused, in whatever IPv6 form it hides. */
class OutboundGuardTest {
    static boolean internal(String literal) throws Exception { return OutboundGuard.isInternal(InetAddress.getByName(literal)); }

    @Test
    void refuses_internal_and_special_ipv4_ranges_issue_8() throws Exception {
        for (var a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "0.1.2.3", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.19.255.1", "198.51.100.7", "203.0.113.9", "224.0.0.1",
            "240.0.0.1", "255.255.255.255", "192.88.99.1"}) {
            assertThat(internal(a)).as(a).isTrue();
        }
        for (var a : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.0.1.1", "198.20.0.1"}) assertThat(internal(a)).as(a).isFalse();
    }

    @Test
    void refuses_ipv6_forms_that_carry_an_internal_ipv4_address_issue_8() throws Exception {
        for (var a : new String[] {"::1", "::", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "100::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "::10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::808:808",
            "2002:7f00:1::1", "2002:a00:1::", "2001:0:4136:e378:8000:63bf:80ff:fffe" /* Teredo for 127.0.0.1 */}) {
            assertThat(internal(a)).as(a).isTrue();
        }
        for (var a : new String[] {"2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"}) assertThat(internal(a)).as(a).isFalse();
    }

    @Test
    void refusals_never_say_what_an_internal_name_resolves_to_issue_8() {
        var guard = new OutboundGuard(false);
        var refusal = guard.refusal("http://localhost:8080/hook");
        assertThat(refusal).contains("internal address").doesNotContain("127.0.0.1").doesNotContain("::1");
        assertThat(guard.refusal("http://[::ffff:127.0.0.1]/x")).contains("internal address");
        assertThat(guard.refusal("ftp://example.com/")).contains("only http and https");
        assertThat(new OutboundGuard(true).refusal("http://localhost/")).isNull();
    }

    @Test
    void the_client_connects_only_to_addresses_it_checked_issue_8() {
        var client = new OutboundGuard(false).client(java.time.Duration.ofSeconds(2));
        var call = client.newCall(new okhttp3.Request.Builder().url("http://localhost:9/").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(call::execute).isInstanceOf(java.net.UnknownHostException.class)
            .hasMessageContaining("internal address");
    }
}
