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
    private final DateTimeFormatter zoneName;

    public Dates(ZoneId zone) { this(zone, Locale.ENGLISH); }

    /**
     * Month names in {@code locale} (Western digits, as the rest of the page prints numbers); the zone's abbreviation
     * stays as the newsroom knows it ("EST"), which the JDK has in few languages.
     */
    public Dates(ZoneId zone, Locale locale) {
        this.zone = zone;
        var comma = locale.getLanguage().equals("ar") || locale.getLanguage().equals("fa") || locale.getLanguage().equals("ur") ? "،" : ",";
        this.human = DateTimeFormatter.ofPattern("d MMMM yyyy" + comma + " HH:mm", locale).withZone(zone);
        this.shortDate = DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMM yyyy" : "d MMMM yyyy", locale).withZone(zone);
        this.zoneName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(zone);
    }

    /** The same zone, month names in {@code languageTag}'s language. */
    public Dates in(String languageTag) {
        var locale = languageTag == null || languageTag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(languageTag);
        return locale.getLanguage().equals("en") || locale.getLanguage().isEmpty() ? this : new Dates(zone, locale);
    }

    public ZoneId zone() { return zone; }

    /** This year, in the zone (the footer's link to the archive). */
    public int year() { return java.time.Year.now(zone).getValue(); }

    /** An instant for machines, to the second: 2026-12-01T17:58:00Z. */
    public static String iso(long millis) { return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis / 1000 * 1000)); }

    /** "1 December 2026, 12:58 EST": the zone's abbreviation as it was on that day (EST in winter, EDT in summer). */
    public String human(long millis) {
        var at = Instant.ofEpochMilli(millis);
        return human.format(at) + " " + zoneName.format(at);
    }

    public String shortDate(long millis) { return shortDate.format(Instant.ofEpochMilli(millis)); }
}
