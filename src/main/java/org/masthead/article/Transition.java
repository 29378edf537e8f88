package org.masthead.article;

import java.util.EnumSet;
import java.util.Set;
import org.masthead.account.User;

/**
 * The moves between {@link ArticleStatus}es: who may make each and from which states. Anything
 * else is refused with a conflict that says why. Contributors submit their own drafts; editors and
 * admins do the rest; only an admin undoes a kill.
 */
public enum Transition {
    SUBMIT(ArticleStatus.IN_REVIEW, EnumSet.of(ArticleStatus.DRAFT), Who.WRITER),
    APPROVE(ArticleStatus.READY, EnumSet.of(ArticleStatus.IN_REVIEW), Who.EDITOR),
    SEND_BACK(ArticleStatus.DRAFT, EnumSet.of(ArticleStatus.IN_REVIEW, ArticleStatus.READY), Who.EDITOR),
    SCHEDULE(ArticleStatus.SCHEDULED, EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.READY, ArticleStatus.SCHEDULED,
        ArticleStatus.UNPUBLISHED), Who.EDITOR),
    UNSCHEDULE(ArticleStatus.READY, EnumSet.of(ArticleStatus.SCHEDULED), Who.EDITOR),
    PUBLISH(ArticleStatus.PUBLISHED, EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.READY, ArticleStatus.SCHEDULED,
        ArticleStatus.UNPUBLISHED, ArticleStatus.PUBLISHED), Who.EDITOR),
    UNPUBLISH(ArticleStatus.UNPUBLISHED, EnumSet.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED), Who.EDITOR),
    KILL(ArticleStatus.KILLED, EnumSet.complementOf(EnumSet.of(ArticleStatus.KILLED)), Who.EDITOR),
    RESTORE(ArticleStatus.UNPUBLISHED, EnumSet.of(ArticleStatus.KILLED), Who.ADMIN);

    private enum Who { WRITER, EDITOR, ADMIN }

    public final ArticleStatus to;
    private final Set<ArticleStatus> from;
    private final Who who;

    Transition(ArticleStatus to, Set<ArticleStatus> from, Who who) {
        this.to = to;
        this.from = from;
        this.who = who;
    }

    /** The name the API and forms use ("send-back"). */
    public String slug() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    public static Transition parse(String slug) { return valueOf(slug.toUpperCase(java.util.Locale.ROOT).replace('-', '_')); }

    /** Why {@code user}'s role may never make this move, whatever the story, or null (checked before anything is saved). */
    public String forbiddenForRole(User user) {
        return switch (who) {
            case ADMIN -> user.role().canManageUsers() ? null : "Only an admin can undo a kill.";
            case EDITOR -> user.role().canPublish() ? null : this == PUBLISH || this == UNPUBLISH
                ? "Contributors cannot publish or unpublish; ask an editor." : "Only editors and admins can " + slug().replace('-', ' ') + " a story.";
            case WRITER -> null;
        };
    }

    /** Why {@code user} may not make this move on {@code a}, or null: a permission refusal (403). */
    public String forbidden(User user, Article a) {
        return switch (who) {
            case ADMIN -> user.role().canManageUsers() ? null : "Only an admin can undo a kill.";
            case EDITOR -> forbiddenForRole(user);
            case WRITER -> user.role().canPublish() || (a.createdBy() != null && a.createdBy() == user.id()) ? null
                : "Contributors can submit only their own stories.";
        };
    }

    /** Why this move cannot start from the article's state, or null: a state refusal (409). */
    public String conflict(Article a) {
        if (from.contains(a.status())) return null;
        return "A story that is " + a.status().label().toLowerCase(java.util.Locale.ROOT) + " cannot be " + pastTense() + ".";
    }

    private String pastTense() {
        return switch (this) {
            case SUBMIT -> "submitted for review";
            case APPROVE -> "approved";
            case SEND_BACK -> "sent back";
            case SCHEDULE -> "scheduled";
            case UNSCHEDULE -> "unscheduled";
            case PUBLISH -> "published";
            case UNPUBLISH -> "unpublished";
            case KILL -> "killed again";
            case RESTORE -> "restored";
        };
    }
}
