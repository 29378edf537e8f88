package org.masthead.http;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** BCP 47 language tags: which are well formed, which read right to left, and the newsroom's list to choose from. */
public final class Languages {
    /** Languages (ISO 639) whose usual script runs right to left. */
    private static final Set<String> RTL = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "nqo", "ps", "sd", "syr", "ug", "ur", "yi");
    /** Scripts (ISO 15924) that run right to left, for tags that name one (az-Arab, pa-Arab, ...). */
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg");

    /** What the newsroom offers first (any well-formed tag is accepted through the API). */
    public static final List<String> COMMON = List.of("en", "ar", "he", "fa", "ur", "fr", "es", "pt", "de", "it", "nl", "ru", "uk", "pl",
        "tr", "el", "hi", "bn", "zh", "ja", "ko", "id", "sw");

    private Languages() {}

    /** A well-formed BCP 47 tag of at most 35 characters, such as en, ar or zh-Hant-TW. */
    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35 || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) return false;
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The tag as written canonically (en-gb → en-GB); the tag itself when it is not well formed. */
    public static String canonical(String tag) {
        return isValid(tag) ? Locale.forLanguageTag(tag).toLanguageTag() : tag;
    }

    public static boolean isRtl(String tag) {
        if (!isValid(tag)) return false;
        var locale = Locale.forLanguageTag(tag);
        if (!locale.getScript().isEmpty()) return RTL_SCRIPTS.contains(locale.getScript());
        return RTL.contains(locale.getLanguage());
    }

    /** "rtl" or "ltr", for a {@code dir} attribute. */
    public static String dir(String tag) { return isRtl(tag) ? "rtl" : "ltr"; }

    /** The language's own name ("العربية", "English"), for choosing one. */
    public static String name(String tag) {
        var locale = Locale.forLanguageTag(tag);
        var own = locale.getDisplayName(locale);
        return own.isEmpty() ? tag : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }
}
