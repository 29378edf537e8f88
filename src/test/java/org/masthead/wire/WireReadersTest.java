package org.masthead.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.masthead.testing.Testdata;

/** Issue 11: every ninjs and NewsML-G2 example in testdata is read into the queue's shape or refused with a reason. */
class WireReadersTest {
    static List<Path> files(String dir, String ext) throws Exception {
        try (Stream<Path> s = Files.walk(Testdata.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(ext) && !p.toString().contains("schema")).sorted().toList();
        }
    }

    /** file → "ok: headline | warnings" or "refused: reason". */
    static TreeMap<String, String> outcomes(String dir, String ext, boolean xml) throws Exception {
        var out = new TreeMap<String, String>();
        for (var f : files(dir, ext)) {
            var name = Testdata.resolve("").relativize(f).toString();
            try {
                var items = xml ? NewsmlReader.read(Files.readAllBytes(f)) : NinjsReader.read(Files.readAllBytes(f));
                var parts = new ArrayList<String>();
                for (var i : items) parts.add("ok " + i.format() + ": " + i.headline() + " [" + i.photos().size() + " photos, " + i.warnings().size() + " warnings"
                    + (i.warnings().isEmpty() ? "" : ": " + i.warnings().get(0)) + "]");
                out.put(name, String.join(" + ", parts));
            } catch (WireRefused e) {
                out.put(name, "refused: " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    void every_ninjs_example_is_read_or_refused_with_a_reason_and_the_schema_valid_ones_warn_nothing_issue_11() throws Exception {
        var all = outcomes("ninjs", ".json", false);
        all.forEach((k, v) -> System.out.println("WIRE " + k + " => " + v));
        assertThat(all).isNotEmpty().allSatisfy((k, v) -> assertThat(v).matches("(ok .+|refused: .{10,})"));
        // The oracle: the agency examples for 3.0 and 2.1 are valid against their schemas, so reading them warns of nothing.
        all.forEach((k, v) -> {
            if ((k.startsWith("ninjs/examples/3.0/") || k.startsWith("ninjs/examples/2.1/")) && v.startsWith("ok")) assertThat(v).as(k).contains(", 0 warnings]");
        });
        assertThat(all.get("ninjs/doc-examples/2.2/002_renditions_example.json")).as("invalid on purpose: its uri").contains("schema").doesNotContain(" 0 warnings");
        assertThat(all.get("ninjs/examples/3.0/dpa_text.json")).startsWith("ok ninjs 3.x: Faktencheck");
        assertThat(all.get("ninjs/examples/3.0/ap_image.json")).contains("[1 photos");
        assertThat(all.get("ninjs/examples/1.4/ninjsExComplex2.json")).startsWith("ok ninjs 1.x").contains("[2 photos");
        assertThat(all.get("ninjs/examples/3.0/ntb_text.json")).as("NTB's text is in descriptions").startsWith("ok");
        assertThat(all.get("ninjs/examples/3.0/simpleEvent.json")).startsWith("refused").contains("event");
        assertThat(all.get("ninjs/examples/3.0/ap_video.json")).startsWith("refused").contains("video");
    }

    @Test
    void every_newsml_g2_example_is_read_or_refused_with_a_reason_issue_11() throws Exception {
        var all = outcomes("newsml-g2/examples", ".xml", true);
        all.forEach((k, v) -> System.out.println("WIRE " + k + " => " + v));
        assertThat(all).hasSize(35).allSatisfy((k, v) -> assertThat(v).matches("(ok .+|refused: .{10,})"));
        assertThat(all.get("newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml")).startsWith("ok NewsML-G2: Fed to halt QE");
        assertThat(all.get("newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml")).contains("[1 photos");
        assertThat(all.get("newsml-g2/examples/LISTING_6_Simple_NewsML-G2_Package.xml")).startsWith("ok NewsML-G2 package");
        assertThat(all.get("newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml")).startsWith("refused").contains("planningItem");
        assertThat(all.get("newsml-g2/examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml")).contains("fragment");
        assertThat(all.get("newsml-g2/examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml")).startsWith("refused").contains("events");
        assertThat(all.get("newsml-g2/examples/facet-example-3.xml")).as("XHTML in the default namespace is copy").startsWith("ok");
        var photo = NewsmlReader.read(Files.readAllBytes(Testdata.resolve("newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml"))).get(0).photos().get(0);
        assertThat(photo.credit()).isEqualTo("Getty Images");
        assertThat(photo.caption()).isNotBlank();
    }

    @Test
    void utf16_newsml_is_read_and_odd_bytes_are_refused_with_a_reason_issue_11() throws Exception {
        var xml = Files.readString(Testdata.resolve("newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml")).replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        var bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_16); // big-endian with a byte-order mark
        assertThat(Wire.read(bytes).get(0).headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(WireRefused.class, () -> Wire.read("hello".getBytes())).getMessage()).contains("Neither");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(WireRefused.class, () -> Wire.read("[".repeat(5000).getBytes())).getMessage()).contains("Not JSON");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(WireRefused.class, () -> Wire.read(new byte[0])).getMessage()).contains("empty");
    }
}
