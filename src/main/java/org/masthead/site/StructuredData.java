package org.masthead.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.masthead.article.Article;
import org.masthead.taxonomy.Section;

/**
 * schema.org JSON-LD as typed records serialised by Jackson (never string templates). '<', '>' and
 * '&' are written as \\u escapes so nothing in the data can close the surrounding script element.
 */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();
            {
                escapes['<'] = ESCAPE_STANDARD;
                escapes['>'] = ESCAPE_STANDARD;
                escapes['&'] = ESCAPE_STANDARD;
            }

            @Override public int[] getEscapeCodesForAscii() { return escapes; }

            @Override public SerializableString getEscapeSequence(int ch) { return new SerializedString(String.format("\\u%04x", ch)); }
        });
    }

    private StructuredData() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Person(@JsonProperty("@type") String type, String name, String url, String jobTitle, String description, String image,
                  List<String> sameAs) {
        Person(String type, String name, String url) { this(type, name, url, null, null, null, List.of()); }

        /** A byline with what its profile adds: job title, bio, photo and links elsewhere. */
        static Person of(org.masthead.taxonomy.AuthorProfile p, String baseUrl, org.masthead.media.@org.jspecify.annotations.Nullable Photo photo) {
            return new Person("Person", p.author().displayName(), baseUrl + p.author().path(), p.jobTitle(), p.bio(),
                photo == null ? null : baseUrl + photo.url(), p.links());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ProfilePage(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String url, Person mainEntity) {}

    /** An author's page: schema.org ProfilePage about the Person. */
    static String author(org.masthead.taxonomy.AuthorProfile p, String baseUrl, org.masthead.media.@org.jspecify.annotations.Nullable Photo photo) {
        return write(new ProfilePage("https://schema.org", "ProfilePage", baseUrl + p.author().path(), Person.of(p, baseUrl, photo)));
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ImageObject(@JsonProperty("@type") String type, String url, Integer width, Integer height, String caption, String creditText,
                       Person creator, String copyrightNotice) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Organization(@JsonProperty("@type") String type, String name, String url, ImageObject logo) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NewsArticle(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String headline, String description,
                       String articleSection, String keywords, String datePublished, String dateModified, String dateline,
                       List<Person> author, Organization publisher, String mainEntityOfPage, ImageObject image,
                       List<CorrectionComment> correction, String inLanguage) {}

    /** schema.org CorrectionComment: a correction readers were shown. */
    record CorrectionComment(@JsonProperty("@type") String type, String text, String datePublished) {}

    record ListItem(@JsonProperty("@type") String type, int position, String name, String item) {}

    record BreadcrumbList(@JsonProperty("@type") String type, List<ListItem> itemListElement) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CollectionPage(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String name, String url,
                          BreadcrumbList breadcrumb, Organization publisher) {}

    record WebSite(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String name, String url, Organization publisher,
                   SearchAction potentialAction) {}

    /** The site search, so a search engine may offer it: {@code /search?q=}. */
    record SearchAction(@JsonProperty("@type") String type, EntryPoint target, @JsonProperty("query-input") String queryInput) {}

    record EntryPoint(@JsonProperty("@type") String type, String urlTemplate) {}

    static Organization publisher(String siteName, String baseUrl, String logoUrl) {
        return new Organization("NewsMediaOrganization", siteName, baseUrl + "/", new ImageObject("ImageObject", baseUrl + logoUrl, 600, 60,
            null, null, null, null));
    }

    static String article(Article a, String siteName, String siteLanguage, String baseUrl, String logoUrl,
                          java.util.Map<Long, org.masthead.taxonomy.AuthorProfile> profiles) {
        var p = a.leadPhoto();
        var image = p == null ? null : new ImageObject("ImageObject", baseUrl + p.url(), p.width(), p.height(), p.caption(), p.credit(),
            p.creator().isEmpty() ? null : new Person("Person", p.creator(), null), p.copyright());
        var authors = a.authors().stream().map(au -> profiles.containsKey(au.id())
            ? Person.of(profiles.get(au.id()), baseUrl, null) : new Person("Person", au.displayName(), baseUrl + au.path())).toList();
        var keywords = String.join(", ", a.tags().stream().map(t -> t.name()).toList());
        return write(new NewsArticle("https://schema.org", "NewsArticle", a.headline(), a.seo().description().isEmpty() ? a.dek() : a.seo().description(),
            a.section().name(), keywords,
            a.publishedAt() == null ? null : Instant.ofEpochMilli(a.publishedAt()).toString(), Instant.ofEpochMilli(a.updatedAt()).toString(),
            a.dateline(), authors, publisher(siteName, baseUrl, logoUrl), baseUrl + a.path(), image,
            a.corrections().stream().filter(c -> c.kind() == org.masthead.article.Correction.Kind.CORRECTION)
                .map(c -> new CorrectionComment("CorrectionComment", c.text(), Instant.ofEpochMilli(c.createdAt()).toString())).toList(),
            a.languageOr(siteLanguage)));
    }

    static String section(Section s, String siteName, String baseUrl, String logoUrl) {
        return write(new CollectionPage("https://schema.org", "CollectionPage", s.name(), baseUrl + s.path(),
            new BreadcrumbList("BreadcrumbList", List.of(new ListItem("ListItem", 1, siteName, baseUrl + "/"),
                new ListItem("ListItem", 2, s.name(), baseUrl + s.path()))), publisher(siteName, baseUrl, logoUrl)));
    }

    static String home(String siteName, String baseUrl, String logoUrl) {
        return write(new WebSite("https://schema.org", "WebSite", siteName, baseUrl + "/", publisher(siteName, baseUrl, logoUrl),
            new SearchAction("SearchAction", new EntryPoint("EntryPoint", baseUrl + "/search?q={search_term_string}"), "required name=search_term_string")));
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
