package org.masthead.popularity;

import java.util.Locale;

/** The ranking windows readers and editors see. */
public enum Window {
    HOUR("1h", "Last hour"), DAY("24h", "Last 24 hours"), WEEK("7d", "Last 7 days"), MONTH("30d", "Last 30 days");

    private final String code;
    private final String label;

    Window(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    /** Parses "1h", "24h", "7d" or "30d"; the message lists them. */
    public static Window parse(String s) {
        for (var w : values()) if (w.code.equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) return w;
        throw new IllegalArgumentException("window must be one of 1h, 24h, 7d, 30d (got '" + s + "')");
    }
}
