package org.masthead.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void forwarded_for_counts_only_when_the_connection_is_a_trusted_proxy() {
        var none = ClientAddress.trusting("");
        assertThat(none.resolve("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        var cdn = ClientAddress.trusting("10.0.0.0/8, 2001:db8::/32, 192.0.2.1");
        assertThat(cdn.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(cdn.resolve("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.9.9.9")).isEqualTo("203.0.113.9"); // rightmost untrusted hop
        assertThat(cdn.resolve("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");              // not via a proxy: ignored
        assertThat(cdn.resolve("2001:db8::5", "203.0.113.4")).isEqualTo("203.0.113.4");
        assertThat(cdn.resolve("192.0.2.1", "not-an-ip")).isEqualTo("192.0.2.1");
        assertThat(cdn.resolve("10.0.0.1", null)).isEqualTo("10.0.0.1");
    }

    @Test
    void bad_entries_are_named() {
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/99")).hasMessageContaining("10.0.0.0/99");
        assertThatThrownBy(() -> ClientAddress.trusting("example.com")).hasMessageContaining("example.com");
    }
}
