package org.masthead.article;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.masthead.account.User;
import org.masthead.account.UserStore;
import org.masthead.db.Database;

/**
 * The desk: per section, what is in review, ready and scheduled, with the next seven days of
 * scheduled stories as a timeline; who each story is assigned to; and internal notes on a story
 * (never published) whose @mentions land in the mentioned person's inbox. A mention is
 * {@code @} and the part of their email before the {@code @} ("@rita" for rita@example.com).
 */
public final class Desk {
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._-])@([\\p{L}\\p{N}._-]{1,64})");
    private final Database db;
    private final UserStore users;
    private final Clock clock;

    public Desk(Database db, UserStore users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    /** A story on the desk: where it is, who has it, when it goes out. */
    public record Item(long id, String headline, String section, ArticleStatus status, String assignee, Long publishAt) {}

    /** An internal note, with who wrote it and when. */
    public record Note(long id, String author, String text, long createdAt) {}

    /** A mention in someone's inbox: the note and the story it is on. */
    public record Mention(long noteId, long articleId, String headline, String author, String text, long createdAt, boolean read) {}

    /** In review, ready and scheduled stories, in {@code sectionId} or all sections (null), soonest scheduled first. */
    public List<Item> list(Long sectionId) {
        return db.read(h -> {
            var q = h.createQuery("""
                select a.id, a.headline, s.name as section, a.status, coalesce(u.display_name, '') as assignee, a.publish_at
                  from article a join section s on s.id = a.section_id left join app_user u on u.id = a.assignee_id
                 where a.status in ('in_review', 'ready', 'scheduled')""" + (sectionId == null ? "" : " and a.section_id = :s") + """
                 order by case a.status when 'scheduled' then 0 when 'ready' then 1 else 2 end, a.publish_at, a.updated_at desc""");
            if (sectionId != null) q.bind("s", sectionId);
            return q.map((rs, ctx) -> {
                long at = rs.getLong("publish_at");
                Long publishAt = rs.wasNull() ? null : at;
                return new Item(rs.getLong("id"), rs.getString("headline"), rs.getString("section"), ArticleStatus.parse(rs.getString("status")),
                    rs.getString("assignee"), publishAt);
            }).list();
        });
    }

    /** The next seven days, day by day in {@code zone}, each with the stories scheduled on it. */
    public List<java.util.Map.Entry<java.time.LocalDate, List<Item>>> timeline(List<Item> items, ZoneId zone) {
        var today = clock.instant().atZone(zone).toLocalDate();
        var out = new ArrayList<java.util.Map.Entry<java.time.LocalDate, List<Item>>>();
        for (int d = 0; d < 7; d++) {
            var day = today.plusDays(d);
            out.add(java.util.Map.entry(day, items.stream().filter(i -> i.publishAt() != null
                && java.time.Instant.ofEpochMilli(i.publishAt()).atZone(zone).toLocalDate().equals(day)).toList()));
        }
        return out;
    }

    /** Assigns the story to {@code assigneeId} (null: nobody). Editors and admins only. */
    public void assign(User by, long articleId, Long assigneeId) {
        if (!by.role().canPublish()) throw new IllegalArgumentException("Only editors and admins assign stories.");
        if (assigneeId != null && users.find(assigneeId).filter(u -> !u.disabled()).isEmpty()) throw new IllegalArgumentException("No such person.");
        db.useTransaction(h -> h.createUpdate("update article set assignee_id = :u where id = :a").bind("u", assigneeId).bind("a", articleId).execute());
    }

    public String assignee(long articleId) {
        return db.read(h -> h.createQuery("select coalesce(u.display_name, '') from article a left join app_user u on u.id = a.assignee_id where a.id = :a")
            .bind("a", articleId).mapTo(String.class).findOne().orElse(""));
    }

    /** Adds a note; everyone it @mentions (an enabled user) gets it in their inbox. Returns who was mentioned. */
    public List<User> addNote(User by, long articleId, String text) {
        var clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 4000 || org.masthead.http.PlainText.hasControlInText(clean)) {
            throw new IllegalArgumentException("Write the note in up to 4,000 characters, without control characters.");
        }
        var handles = new LinkedHashSet<String>();
        var m = MENTION.matcher(clean);
        while (m.find()) handles.add(m.group(1).toLowerCase(Locale.ROOT));
        var mentioned = users.list().stream().filter(u -> !u.disabled() && handles.contains(u.email().substring(0, u.email().indexOf('@')))).toList();
        long now = clock.millis();
        db.useTransaction(h -> {
            long id = h.createQuery("insert into article_note (article_id, user_id, text, created_at) values (:a, :u, :t, :now) returning id")
                .bind("a", articleId).bind("u", by.id()).bind("t", clean).bind("now", now).mapTo(Long.class).one();
            for (var u : mentioned) {
                h.createUpdate("insert into note_mention (note_id, user_id) values (:n, :u)").bind("n", id).bind("u", u.id()).execute();
            }
        });
        return mentioned;
    }

    public List<Note> notes(long articleId) {
        return db.read(h -> h.createQuery("""
                select n.id, coalesce(u.display_name, '') as author, n.text, n.created_at from article_note n left join app_user u on u.id = n.user_id
                 where n.article_id = :a order by n.created_at, n.id""").bind("a", articleId)
            .map((rs, ctx) -> new Note(rs.getLong("id"), rs.getString("author"), rs.getString("text"), rs.getLong("created_at"))).list());
    }

    /** {@code user}'s mentions, newest first; reading the inbox marks them read. */
    public List<Mention> inbox(User user) {
        var list = db.read(h -> h.createQuery("""
                select n.id, n.article_id, a.headline, coalesce(u.display_name, '') as author, n.text, n.created_at, m.read_at
                  from note_mention m join article_note n on n.id = m.note_id join article a on a.id = n.article_id
                  left join app_user u on u.id = n.user_id
                 where m.user_id = :me order by n.created_at desc limit 200""").bind("me", user.id())
            .map((rs, ctx) -> {
                rs.getLong("read_at");
                boolean read = !rs.wasNull();
                return new Mention(rs.getLong("id"), rs.getLong("article_id"), rs.getString("headline"), rs.getString("author"), rs.getString("text"),
                    rs.getLong("created_at"), read);
            }).list());
        db.useTransaction(h -> h.createUpdate("update note_mention set read_at = :now where user_id = :me and read_at is null")
            .bind("now", clock.millis()).bind("me", user.id()).execute());
        return list;
    }

    public int unread(User user) {
        return db.read(h -> h.createQuery("select count(*) from note_mention where user_id = :me and read_at is null").bind("me", user.id())
            .mapTo(Integer.class).one());
    }
}
