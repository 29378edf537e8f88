package org.masthead.popularity;

/** Tiny inline SVG line charts drawn on the server (no JavaScript, no chart library). */
public final class Sparklines {
    private Sparklines() {}

    /** A polyline of {@code values} (oldest first) summed into {@code buckets} points, 0 at the bottom. */
    public static String svg(long[] values, int buckets, int width, int height, String label) {
        var points = new long[buckets];
        int per = Math.max(1, values.length / buckets);
        for (int i = 0; i < values.length; i++) points[Math.min(buckets - 1, i / per)] += values[i];
        long max = 1;
        for (var p : points) max = Math.max(max, p);
        var sb = new StringBuilder();
        sb.append("<svg class=\"spark\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
            .append(label.replace("\"", "&quot;").replace("<", "&lt;")).append("\"><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < buckets; i++) {
            double x = buckets == 1 ? 0 : i * (width - 2.0) / (buckets - 1) + 1;
            double y = height - 1 - points[i] * (height - 2.0) / max;
            sb.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return sb.append("\"/></svg>").toString();
    }
}
