package org.masthead.article;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.account.User;

/**
 * An article's history: every save with who and when and which fields changed, a word-level diff
 * between any two revisions (on the words, not the HTML tags; java-diff-utils' Myers diff), and
 * restoring an old revision as a new one (through {@link Publishing#save}, so the 409 rule holds).
 */
public final class Revisions {
    /** The fields people compare, in the order the history shows them. */
    public static final List<String> FIELDS = List.of("headline", "dek", "bodyHtml", "dateline", "bylines", "tags", "sectionId", "slug",
        "leadPhoto", "status", "workflow", "corrections");

    private final ArticleStore articles;
    private final Publishing publishing;
    private final ObjectMapper json = new ObjectMapper();

    public Revisions(ArticleStore articles, Publishing publishing) {
        this.articles = articles;
        this.publishing = publishing;
    }

    /** One revision: number, who (name; empty for the scheduler), when, and the fields it changed from the one before. */
    public record Entry(int revision, String savedBy, long savedAt, List<String> changed) {}

    /** One piece of a word diff: "equal", "insert" or "delete", and its words. */
    public record Piece(String op, String text) {}

    /** The diff of one field between two revisions; {@code changed} false when they are the same. */
    public record FieldDiff(String field, boolean changed, List<Piece> pieces) {}

    public List<Entry> list(long articleId) {
        var rows = articles.listRevisions(articleId);
        var out = new ArrayList<Entry>();
        Map<String, Object> previous = Map.of();
        for (var r : rows) {
            var snap = read(r.snapshot());
            var changed = new ArrayList<String>();
            for (var f : FIELDS) if (!Objects.equals(previous.get(f), snap.get(f)) && (snap.containsKey(f) || previous.containsKey(f))) changed.add(f);
            out.add(new Entry(r.revision(), r.savedBy(), r.savedAt(), changed));
            previous = snap;
        }
        return out.reversed();
    }

    public Optional<Map<String, Object>> find(long articleId, int revision) {
        return articles.findRevision(articleId, revision).map(this::read);
    }

    /** Field by field, what changed from revision {@code from} to revision {@code to}; empty when either does not exist. */
    public Optional<List<FieldDiff>> diff(long articleId, int from, int to) {
        var a = find(articleId, from);
        var b = find(articleId, to);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        var out = new ArrayList<FieldDiff>();
        for (var f : FIELDS) {
            var x = text(f, a.get().get(f));
            var y = text(f, b.get().get(f));
            out.add(new FieldDiff(f, !x.equals(y), words(x, y)));
        }
        return Optional.of(out);
    }

    /** A word-level diff of two texts: words are runs between white space; equal runs are merged. */
    public static List<Piece> words(String before, String after) {
        var a = split(before);
        var b = split(after);
        var patch = DiffUtils.diff(a, b);
        var out = new ArrayList<Piece>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int start = d.getSource().getPosition();
            if (start > i) add(out, "equal", a.subList(i, start));
            if (!d.getSource().getLines().isEmpty()) add(out, "delete", d.getSource().getLines());
            if (!d.getTarget().getLines().isEmpty()) add(out, "insert", d.getTarget().getLines());
            i = start + d.getSource().size();
        }
        if (i < a.size()) add(out, "equal", a.subList(i, a.size()));
        return out;
    }

    /** Restores revision {@code revision} as a new revision (its words, bylines, tags, photo and photo text). */
    public Publishing.Result restore(User user, long articleId, int revision) {
        var current = articles.find(articleId).orElseThrow(() -> new IllegalArgumentException("no article " + articleId));
        var snap = find(articleId, revision).orElse(null);
        if (snap == null) return new Publishing.Result.Invalid(Map.of("revision", "There is no revision " + revision + "."), 422);
        var draft = new ArticleDraft(str(snap, "headline"), str(snap, "dek"), ((Number) snap.getOrDefault("sectionId", current.section().id())).longValue(),
            str(snap, "slug"), str(snap, "bodyHtml"), str(snap, "dateline"), strings(snap.get("bylines")), strings(snap.get("tags")),
            snap.containsKey("language") ? str(snap, "language") : current.language(), // revisions from before languages keep the story's
            snap.get("seo") instanceof Map<?, ?> seo ? new Seo(String.valueOf(seo.get("title")), String.valueOf(seo.get("description")),
                seo.get("imageId") instanceof Number n ? n.longValue() : null) : Seo.NONE);
        PhotoUse lead = null;
        if (snap.get("leadPhoto") instanceof Map<?, ?> p && p.get("id") instanceof Number id) {
            lead = new PhotoUse(id.longValue(), String.valueOf(p.get("caption")), String.valueOf(p.get("credit")), String.valueOf(p.get("altText")),
                p.get("title") == null ? current.leadPhoto() != null && current.leadPhoto().id() == id.longValue() ? current.leadPhoto().title() : "" : String.valueOf(p.get("title")));
        } else if (snap.get("leadMediaId") instanceof Number id) {
            lead = new PhotoUse(id.longValue(), "", "", "");
        }
        return publishing.save(user, current, current.revision(), draft, lead);
    }

    private static void add(List<Piece> out, String op, List<String> words) {
        var text = String.join(" ", words);
        if (!out.isEmpty() && out.getLast().op().equals(op)) out.set(out.size() - 1, new Piece(op, out.getLast().text() + " " + text));
        else out.add(new Piece(op, text));
    }

    private static List<String> split(String s) {
        var t = s.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    /** A field as words: HTML reduced to its text (tags are not words), lists joined, maps by value. */
    static String text(String field, @Nullable Object value) {
        if (value == null) return "";
        if (field.equals("bodyHtml")) {
            return value.toString().replaceAll("(?i)<(br|/p|/h[1-6]|/li|/blockquote)[^>]*>", " ").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        }
        if (value instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        if (value instanceof Map<?, ?> m) return String.join(" · ", m.values().stream().filter(Objects::nonNull).map(String::valueOf).toList());
        return value.toString();
    }

    private Map<String, Object> read(String snapshot) {
        try {
            return json.readValue(snapshot, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String str(Map<String, Object> m, String k) { return m.get(k) == null ? "" : m.get(k).toString(); }

    private static List<String> strings(@Nullable Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
