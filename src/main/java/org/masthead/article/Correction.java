package org.masthead.article;

import java.util.Locale;

/** A note on a published story that readers see: a correction, a clarification or an update, with its time. */
public record Correction(long id, Kind kind, String text, long createdAt) {
    public enum Kind {
        CORRECTION, CLARIFICATION, UPDATE;

        public String dbValue() { return name().toLowerCase(Locale.ROOT); }

        public String label() { return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT); }

        public static Kind parse(String v) { return valueOf(v.strip().toUpperCase(Locale.ROOT)); }
    }
}
