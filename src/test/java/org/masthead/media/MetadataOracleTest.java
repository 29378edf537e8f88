package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in ../shared/testdata/photos against exiftool's reconciled (MWG) values in
 * oracle-exiftool.json: caption, credit, creator, copyright and headline.
 */
class MetadataOracleTest {
    static final Path PHOTOS = org.masthead.testing.Testdata.resolve("photos");
    /**
     * The one documented departure: exiftool decodes metapm.jpg's IIM caption (Mac Roman, no
     * CodedCharacterSet) as Latin-1 ("JosŽ Mourinho"); the testdata README gives the correct,
     * human-facing caption, which XMP confirms.
     */
    static final Map<String, String> CORRECTED_CAPTIONS = Map.of("./frameright/metapm.jpg", "José Mourinho");

    static Stream<Arguments> files() throws Exception {
        var oracle = new ObjectMapper().readTree(PHOTOS.resolve("oracle-exiftool.json").toFile());
        var out = new ArrayList<Arguments>();
        for (var entry : oracle) out.add(Arguments.of(entry.get("SourceFile").asText(), entry));
        return out.stream();
    }

    static String text(JsonNode entry, String... keys) {
        for (var key : keys) {
            var v = entry.get(key);
            if (v == null) continue;
            if (v.isArray()) {
                var parts = new ArrayList<String>();
                v.forEach(x -> parts.add(x.asText()));
                return String.join("; ", parts);
            }
            return v.asText().strip();
        }
        return "";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void extracted_metadata_matches_exiftool(String file, JsonNode entry) throws Exception {
        var bytes = Files.readAllBytes(PHOTOS.resolve(file));
        var m = MetadataReader.read(bytes);
        if (entry.has("ExifTool:Error")) {
            assertThat(List.of(m.caption(), m.credit(), m.creator(), m.copyright(), m.headline())).allMatch(String::isEmpty);
            return;
        }
        assertThat(m.caption()).as("caption").isEqualTo(CORRECTED_CAPTIONS.getOrDefault(file, text(entry, "MWG:Description")));
        assertThat(m.creator()).as("creator").isEqualTo(text(entry, "MWG:Creator"));
        assertThat(m.copyright()).as("copyright").isEqualTo(text(entry, "MWG:Copyright"));
        var iimNewer = entry.has("ExifTool:Warning") && text(entry, "ExifTool:Warning").contains("IPTCDigest is not current");
        assertThat(m.credit()).as("credit").isEqualTo(iimNewer ? text(entry, "IPTC:Credit", "XMP-photoshop:Credit")
            : text(entry, "XMP-photoshop:Credit", "IPTC:Credit"));
        assertThat(m.headline()).as("headline").isEqualTo(iimNewer ? text(entry, "IPTC:Headline", "XMP-photoshop:Headline")
            : text(entry, "XMP-photoshop:Headline", "IPTC:Headline"));
        assertThat(String.join("; ", m.keywords())).as("keywords").isEqualTo(text(entry, "MWG:Keywords"));
    }
}
