package org.masthead.account;

import java.security.SecureRandom;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id hashing (Spring Security Crypto over Bouncy Castle) and generated passwords. */
public final class Passwords {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();
    // A real hash to compare against when the account does not exist, so timing does not reveal accounts.
    private final String dummyHash = encoder.encode("not-a-password");

    public String hash(String password) { return encoder.encode(password); }

    /** Whether {@code password} is this hash's; a hash that is none (an imported user who must reset) matches nothing, in the same time. */
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            burnTime(password);
            return false;
        }
        return encoder.matches(password, hash);
    }

    void burnTime(String password) { encoder.matches(password, dummyHash); }

    public String generate() {
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** The rule every new password must meet; returns the problem or null. */
    public static String problemWith(String password) {
        if (password == null || password.length() < 12) return "Password must be at least 12 characters.";
        if (password.length() > 200) return "Password must be at most 200 characters.";
        return null;
    }
}
