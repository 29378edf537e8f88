package org.masthead.site;

/** WCAG 2.2 contrast between two #rrggbb colours, and a site accent made light enough for dark mode. */
public final class Contrast {
    /** The dark-mode page ground (site.css). */
    public static final String DARK_GROUND = "#121212";

    private Contrast() {}

    /** The WCAG contrast ratio, 1 to 21. */
    public static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** {@code accent} mixed towards white, the least that reaches 4.5:1 on {@code ground} (the colour itself when it already does). */
    public static String lightenedFor(String accent, String ground) {
        int[] c = rgb(accent);
        for (int step = 0; step <= 20; step++) {
            double t = step / 20.0;
            var mixed = hex((int) Math.round(c[0] + (255 - c[0]) * t), (int) Math.round(c[1] + (255 - c[1]) * t), (int) Math.round(c[2] + (255 - c[2]) * t));
            if (ratio(mixed, ground) >= 4.5) return mixed;
        }
        return "#ffffff";
    }

    private static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255.0;
            l[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    private static int[] rgb(String hex) {
        var h = hex.startsWith("#") ? hex.substring(1) : hex;
        int v = Integer.parseInt(h, 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    private static String hex(int r, int g, int b) { return String.format("#%02x%02x%02x", r, g, b); }
}
