package org.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    @Test
    void layers_defaults_file_environment_and_flags() {
        var file = new Properties();
        file.setProperty("http.port", "9000");
        file.setProperty("site.name", "Daily Test");
        var config = AppConfig.load(file, Map.of("MASTHEAD_HTTP_PORT", "9100", "PATH", "/bin"), Map.of("data.dir", "/tmp/x"));
        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.site().name()).isEqualTo("Daily Test");
        assertThat(config.db().dataDir().toString()).isEqualTo("/tmp/x");
        assertThat(config.db().isEmbedded()).isTrue();
    }

    @Test
    void bad_values_stop_boot_with_a_message_naming_the_key() {
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_HTTP_PORT", "eighty"), Map.of()))
            .hasMessageContaining("http.port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_DATABASE_URL", "mysql://x"), Map.of()))
            .hasMessageContaining("database.url");
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_MEDIA_MAX_UPLOAD_BYTES", "0"), Map.of()))
            .hasMessageContaining("media.max-upload-bytes");
    }

    @Test
    void wire_feeds_are_name_equals_url_and_bad_ones_are_named_issue_11() {
        var config = AppConfig.load(new Properties(), Map.of("MASTHEAD_WIRE_FEEDS", "Harbour=https://harbour.example/rss, AP Top=https://ap.example/atom"), Map.of());
        assertThat(config.wire().feeds()).extracting(AppConfig.Wire.Feed::name).containsExactly("Harbour", "AP Top");
        assertThat(config.wire().folder()).isNull();
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_WIRE_FEEDS", "https://no-name.example/rss"), Map.of()))
            .hasMessageContaining("wire.feeds").hasMessageContaining("name=url");
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_WIRE_FEEDS", "Local=file:///etc/passwd"), Map.of()))
            .hasMessageContaining("wire.feeds").hasMessageContaining("http(s)");
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_WIRE_FEED_INTERVAL_SECONDS", "1"), Map.of()))
            .hasMessageContaining("wire.feed-interval-seconds");
    }

    @Test
    void unknown_keys_stop_boot() {
        var file = new Properties();
        file.setProperty("http.prot", "1");
        assertThatThrownBy(() -> AppConfig.load(file, Map.of(), Map.of())).hasMessageContaining("http.prot");
        assertThatThrownBy(() -> AppConfig.load(new Properties(), Map.of("MASTHEAD_DATABSE_URL", "x"), Map.of()))
            .hasMessageContaining("MASTHEAD_DATABSE_URL");
    }

    @Test
    void database_password_is_never_printed() {
        var config = AppConfig.load(new Properties(), Map.of("MASTHEAD_DATABASE_URL", "jdbc:postgresql://h/db?password=s3cret",
            "MASTHEAD_DATABASE_PASSWORD", "hunter2hunter2"), Map.of());
        assertThat(config.db().toString()).doesNotContain("s3cret").doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("hunter2");
    }
}
