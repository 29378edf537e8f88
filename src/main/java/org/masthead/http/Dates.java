package org.masthead.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people and machines read them: {@link #iso} for {@code datetime} attributes and feeds
 * (UTC), and, in the site's time zone with its daylight-saving rules, {@link #human}
 * ("1 December 2026, 12:58 EST") and {@link #shortDate} ("1 Dec 2026").
 */
public final class Dates {
    public static final Dates UTC = new Dates(ZoneOffset.UTC);

    private final ZoneId zone;
    private final DateTimeFormatter human;
    private final DateTimeFormatter shortDate;

    public Dates(ZoneId zone) {
        this.zone = zone;
        this.human = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
        this.shortDate = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zone);
    }

    public ZoneId zone() { return zone; }

    /** This year, in the zone (the footer's link to the archive). */
    public int year() { return java.time.Year.now(zone).getValue(); }

    /** An instant for machines, to the second: 2026-12-01T17:58:00Z. */
    public static String iso(long millis) { return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis / 1000 * 1000)); }

    /** "1 December 2026, 12:58 EST": the zone's abbreviation as it was on that day (EST in winter, EDT in summer). */
    public String human(long millis) { return human.format(Instant.ofEpochMilli(millis)); }

    public String shortDate(long millis) { return shortDate.format(Instant.ofEpochMilli(millis)); }
}
