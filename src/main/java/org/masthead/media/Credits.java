package org.masthead.media;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a credit is printed after a caption. Agencies put the credit at the end of the caption
 * ("… September 28, 2016. REUTERS/Abdalrhman Ismail"; "…THE CANADIAN PRESS/Paul Chiasson"), and the
 * IPTC Credit field repeats it ("REUTERS", "The Canadian Press"). The credit is printed unless the
 * caption already carries it: every word of the credit (compared case-folded, NFKC, punctuation
 * ignored) appears in the caption's last 120 characters. So a reader never sees "…THE CANADIAN
 * PRESS/Paul Chiasson The Canadian Press", and a credit the caption does not name is never dropped.
 */
public final class Credits {
    private static final int TAIL = 120;

    private Credits() {}

    /** The credit to print after {@code caption}: {@code credit}, or empty when the caption already ends with it. */
    public static String printed(String caption, String credit) {
        if (credit == null || credit.isBlank()) return "";
        if (caption == null || caption.isBlank()) return credit;
        var tail = caption.length() > TAIL ? caption.substring(caption.length() - TAIL) : caption;
        var have = words(tail);
        var need = words(credit);
        return !need.isEmpty() && have.containsAll(need) ? "" : credit;
    }

    private static Set<String> words(String s) {
        var folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{M}\\p{Nd}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
