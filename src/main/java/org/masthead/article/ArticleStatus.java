package org.masthead.article;

import java.util.Locale;

/** Where an article is in its life. in_review and scheduled are reserved for the workflow issue. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

    public String dbValue() { return name().toLowerCase(Locale.ROOT); }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }

    public static ArticleStatus parse(String v) { return valueOf(v.toUpperCase(Locale.ROOT)); }
}
