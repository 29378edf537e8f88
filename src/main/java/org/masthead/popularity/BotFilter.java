package org.masthead.popularity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;

/**
 * Non-human traffic: no User-Agent, prefetch/prerender requests, and User-Agents matching the
 * crawler-user-agents list (resources/popularity, MIT, see its README) or a few extra tokens for
 * HTTP libraries and headless browsers that list leaves out.
 *
 * <p>1,500 patterns tried one by one cost ~0.4 ms per unseen User-Agent, which a flood of invented
 * agents would turn into a denial of service. So each pattern's required literal (the longest run
 * of plain characters every match must contain) goes into one Aho-Corasick automaton; a User-Agent
 * is scanned once and only the patterns whose literal occurs in it are run. Verdicts are cached.
 */
public final class BotFilter {
    private static final List<String> EXTRA = List.of("headlesschrome", "phantomjs", "python-requests", "python-urllib",
        "go-http-client", "okhttp", "axios/", "node-fetch", "libwww", "curl/", "wget/", "java/", "apache-httpclient",
        "httpclient", "lighthouse", "pingdom", "uptime", "scrapy", "preview");

    private final Trie literals;
    private final Map<String, List<Pattern>> byLiteral; // patterns to run when their literal occurs
    private final Set<String> decisive;                 // literals that mark a bot on their own
    private final List<Pattern> unindexed;              // patterns with no usable literal: always run
    /** Recent verdicts, direct-mapped by the User-Agent's hash: no locks, no eviction work, fixed size. */
    private record Verdict(String userAgent, boolean bot) {}
    private final AtomicReferenceArray<Verdict> verdicts = new AtomicReferenceArray<>(1 << 14);

    private BotFilter(Map<String, List<Pattern>> byLiteral, Set<String> decisive, List<Pattern> unindexed) {
        this.byLiteral = byLiteral;
        this.decisive = decisive;
        this.unindexed = unindexed;
        var builder = Trie.builder();
        byLiteral.keySet().forEach(builder::addKeyword);
        decisive.forEach(builder::addKeyword);
        this.literals = builder.build();
    }

    /** Loads the shipped crawler list. */
    public static BotFilter load() {
        try (var in = BotFilter.class.getResourceAsStream("/popularity/crawler-user-agents.json")) {
            if (in == null) throw new IllegalStateException("crawler-user-agents.json is missing from the jar");
            var byLiteral = new HashMap<String, List<Pattern>>();
            var unindexed = new ArrayList<Pattern>();
            for (var entry : new ObjectMapper().readTree(in)) {
                var regex = entry.get("pattern").asText();
                var compiled = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
                var literals = requiredLiterals(regex);
                if (literals.isEmpty()) unindexed.add(compiled);
                for (var literal : literals) byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(compiled);
            }
            return new BotFilter(byLiteral, Set.copyOf(EXTRA), unindexed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lowercase literals one of which every match of {@code regex} contains: one per top-level
     * alternative. Empty when some alternative has no literal of 3 or more characters.
     */
    static List<String> requiredLiterals(String regex) {
        var alternatives = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') while (i < regex.length() && regex.charAt(i) != ']') i += regex.charAt(i) == '\\' ? 2 : 1;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                alternatives.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(regex.substring(start));
        var out = new ArrayList<String>();
        for (var alternative : alternatives) {
            var literal = requiredLiteral(alternative).toLowerCase(Locale.ROOT);
            if (literal.length() < 3) return List.of();
            out.add(literal);
        }
        return out;
    }

    /**
     * The longest run of plain characters that every match of {@code regex} contains, or "" when
     * that is not certain (alternation outside a group, or nothing plain enough).
     */
    static String requiredLiteral(String regex) {
        var best = "";
        var run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
            if (c == '\\' && i + 1 < regex.length()) {
                if (Character.isLetterOrDigit(next)) { // \d, \s, \b, ...: not a literal
                    best = longer(best, run, depth);
                    run.setLength(0);
                } else {
                    char after = i + 2 < regex.length() ? regex.charAt(i + 2) : 0;
                    if (isOptional(after)) {
                        best = longer(best, run, depth);
                        run.setLength(0);
                    } else if (depth == 0) {
                        run.append(next);
                    }
                }
                i++;
                continue;
            }
            switch (c) {
                case '(' -> { best = longer(best, run, depth); run.setLength(0); depth++; }
                case ')' -> { depth = Math.max(0, depth - 1); run.setLength(0); }
                case '|' -> { if (depth == 0) return ""; }
                case '[' -> {
                    best = longer(best, run, depth);
                    run.setLength(0);
                    while (i < regex.length() && regex.charAt(i) != ']') i += regex.charAt(i) == '\\' ? 2 : 1;
                    if (i + 1 < regex.length() && isOptional(regex.charAt(i + 1))) i++;
                }
                case '.', '^', '$', '+' -> { best = longer(best, run, depth); run.setLength(0); }
                case '?', '*', '{' -> { best = longer(best, run, depth); run.setLength(0); if (c == '{') i = regex.indexOf('}', i); }
                default -> {
                    if (depth > 0) break;
                    if (isOptional(next)) {
                        best = longer(best, run, depth);
                        run.setLength(0);
                    } else {
                        run.append(c);
                    }
                }
            }
            if (i < 0) return best;
        }
        return longer(best, run, 0);
    }

    private static boolean isOptional(char c) { return c == '?' || c == '*' || c == '{'; }

    private static String longer(String best, StringBuilder run, int depth) {
        return run.length() > best.length() ? run.toString() : best;
    }

    private boolean matchesIndexed(String lower, String original) {
        for (var emit : literals.parseText(lower)) {
            if (decisive.contains(emit.getKeyword())) return true;
            for (var p : byLiteral.getOrDefault(emit.getKeyword(), List.of())) if (p.matcher(original).find()) return true;
        }
        return false;
    }

    public boolean isPrefetch(String purpose) {
        if (purpose == null) return false;
        var p = purpose.toLowerCase(Locale.ROOT);
        return p.contains("prefetch") || p.contains("prerender");
    }

    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return true;
        if (userAgent.length() > 1000) return true;
        int slot = (userAgent.hashCode() * 0x9E3779B9 >>> 18);
        var cached = verdicts.get(slot);
        if (cached != null && cached.userAgent().equals(userAgent)) return cached.bot();
        boolean bot = matchesIndexed(userAgent.toLowerCase(Locale.ROOT), userAgent);
        for (int i = 0; !bot && i < unindexed.size(); i++) bot = unindexed.get(i).matcher(userAgent).find();
        verdicts.set(slot, new Verdict(userAgent, bot));
        return bot;
    }
}
