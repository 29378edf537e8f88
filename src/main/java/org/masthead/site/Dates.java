package org.masthead.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as readers and machines read them (UTC until sites get a time zone setting). */
public final class Dates {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    public static String iso(long millis) { return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis / 1000 * 1000)); }

    public static String human(long millis) { return HUMAN.format(Instant.ofEpochMilli(millis)); }

    public static String shortDate(long millis) { return SHORT.format(Instant.ofEpochMilli(millis)); }
}
