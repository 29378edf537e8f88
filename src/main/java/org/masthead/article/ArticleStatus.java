package org.masthead.article;

import java.util.Locale;

/** Where an article is in its life; {@link Transition} says which moves between them are allowed. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, READY, SCHEDULED, PUBLISHED, UNPUBLISHED, KILLED;

    public String dbValue() { return name().toLowerCase(Locale.ROOT); }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case READY -> "Ready";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
            case KILLED -> "Killed";
        };
    }

    public static ArticleStatus parse(String v) { return valueOf(v.toUpperCase(Locale.ROOT)); }
}
