package org.masthead.popularity;

import java.util.List;
import java.util.Map;

/**
 * Where view aggregates live: SQL in embedded mode, Redis in cluster mode. Every view is kept at
 * three granularities: minutes (48 hours), hours (30 days) and days (the retention period).
 * Time arguments are epoch minutes, hours or days (UTC).
 */
public interface ViewStore {
    /** Adds the counts of (article, minute) pairs to the minute, hour and day buckets at once. */
    void add(Map<ViewCounter.Key, Long> counts);

    /** Views per article in minutes [fromMinute, toMinute]. */
    Map<Long, Long> minutes(long fromMinute, long toMinute);

    /** Views per article in hours [fromHour, toHour]. */
    Map<Long, Long> hours(long fromHour, long toHour);

    /** Views per article in days [fromDay, toDay]. */
    Map<Long, Long> days(long fromDay, long toDay);

    /** Per-minute views of each article in [fromMinute, toMinute], index 0 = fromMinute. */
    Map<Long, long[]> minuteSeries(List<Long> articleIds, long fromMinute, long toMinute);

    /** Deletes minute buckets before {@code minuteFloor}, hours before {@code hourFloor}, days before {@code dayFloor}. */
    void compact(long minuteFloor, long hourFloor, long dayFloor);

    /** "sql" or "redis", for the health endpoint. */
    String name();
}
