package org.masthead.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.masthead.testing.Testdata;

/** Issue 11: every WordPress export in testdata reads to its oracle's counts; malformed and hostile XML are refused with where and why. */
class WxrReaderTest {
    @Test
    void every_export_in_testdata_reads_to_the_oracle_s_counts_or_is_refused_with_line_and_column_issue_11() throws Exception {
        var oracle = new ObjectMapper().readTree(Files.readString(Testdata.resolve("wxr/oracle-wxr.json")));
        var mismatches = new ArrayList<String>();
        int read = 0;
        int refused = 0;
        for (JsonNode e : oracle) {
            var file = Testdata.resolve("wxr/" + e.get("file").asText());
            try (var in = Files.newInputStream(file)) {
                var items = new ArrayList<WxrReader.Item>();
                var s = WxrReader.read(in, items::add);
                if (!e.get("well_formed").asBoolean()) {
                    mismatches.add(e.get("file").asText() + ": read, but the oracle says it is not well formed");
                    continue;
                }
                read++;
                var got = new TreeMap<String, Object>();
                got.put("wxr_version", s.wxrVersion());
                got.put("wp_namespace", s.wpNamespace());
                got.put("channel_title", s.channelTitle());
                got.put("authors", s.authors().size());
                got.put("categories", s.categories());
                got.put("tags", s.tags());
                got.put("terms", s.terms());
                got.put("items", s.items());
                got.put("items_by_post_type", new TreeMap<>(s.itemsByPostType()));
                got.put("items_by_status", new TreeMap<>(s.itemsByStatus()));
                got.put("comments", s.comments());
                for (var field : got.entrySet()) {
                    var want = e.get(field.getKey());
                    var wantValue = want == null || want.isNull() ? "" : want.isObject() ? new TreeMap<>(new ObjectMapper().convertValue(want, java.util.Map.class))
                        : want.isNumber() ? want.asInt() : want.asText();
                    if (!String.valueOf(wantValue).equals(String.valueOf(field.getValue()))) {
                        mismatches.add(e.get("file").asText() + " " + field.getKey() + ": oracle " + wantValue + ", read " + field.getValue());
                    }
                }
                var firstPost = e.get("first_post");
                if (firstPost != null && !firstPost.isNull() && s.firstPost() != null) {
                    if (!firstPost.get("title").asText().equals(s.firstPost().title())) mismatches.add(e.get("file").asText() + " first post title " + s.firstPost().title());
                    var id = firstPost.get("post_id").isNull() ? "" : firstPost.get("post_id").asText();
                    if (!id.equals(s.firstPost().postId())) mismatches.add(e.get("file").asText() + " first post id " + s.firstPost().postId());
                }
                assertThat(items).hasSize(s.items());
            } catch (WxrReader.WxrException x) {
                if (e.get("well_formed").asBoolean()) mismatches.add(e.get("file").asText() + ": refused, but the oracle reads it: " + x.getMessage());
                else {
                    refused++;
                    assertThat(x.line()).as(e.get("file").asText()).isPositive();
                    assertThat(x.getMessage()).contains("line ").contains("column ");
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(read).isGreaterThan(30);
        assertThat(refused).isEqualTo(3);
    }

    static WxrReader.WxrException refusal(String xml) {
        return catchThrowableOfType(WxrReader.WxrException.class,
            () -> WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), i -> { }));
    }

    @Test
    void external_entities_dtds_and_entity_bombs_are_refused_before_anything_is_read_issue_11() {
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&xxe;</title></item></channel></rss>";
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><rss><channel><title>&lol3;</title></channel></rss>";
        var external = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://evil.example/x.dtd\"><rss><channel/></rss>";
        for (var hostile : new String[] {xxe, laughs, external}) {
            var refused = refusal(hostile);
            assertThat(refused).as(hostile).isNotNull();
            assertThat(refused.getMessage()).containsAnyOf("DOCTYPE", "not allowed", "entity");
            assertThat(refused.getMessage()).doesNotContain("root:");
        }
        assertThat(refusal("<rss><channel><item><title>Unclosed</item></channel></rss>").getMessage()).contains("line 1, column");
    }
}
