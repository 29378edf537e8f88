package org.masthead.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Use cases for users: create, sign in and out, disable. */
public final class Accounts {
    static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");

    private final UserStore users;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Accounts(UserStore users, Passwords passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = new SignInThrottle(clock);
        this.clock = clock;
    }

    public sealed interface SignIn {
        /** {@code deviceToken}: the trusted-device cookie to set on this browser. */
        record SignedIn(String token, Session session, String deviceToken) implements SignIn {}
        record Refused(String message) implements SignIn {}
        record Throttled(long seconds) implements SignIn {}
    }

    public SignIn signIn(String rawEmail, String password, String address) { return signIn(rawEmail, password, address, null); }

    /** {@code deviceToken}: the browser's trusted-device cookie, if it has one (see {@link SignInThrottle}). */
    public SignIn signIn(String rawEmail, String password, String address, @Nullable String deviceToken) {
        var email = normalize(rawEmail);
        if (org.masthead.http.PlainText.hasControl(email) || email.length() > 320) return new SignIn.Refused("Wrong email or password.");
        var device = trustedDevice(email, deviceToken);
        var wait = throttle.waitFor(email, address, device);
        if (wait.isPresent()) return new SignIn.Throttled(wait.get());
        var creds = users.findCredentials(email);
        boolean ok = creds.isPresent()
            ? passwords.matches(password, creds.get().passwordHash())
            : falseAfterBurning(password);
        if (!ok || creds.get().user().disabled()) {
            throttle.failed(email, address, device);
            return new SignIn.Refused("Wrong email or password.");
        }
        throttle.succeeded(email, address, device);
        var token = randomToken();
        var csrf = randomToken();
        long now = clock.millis();
        users.insertSession(sha256(token), creds.get().user().id(), csrf, now, now + SESSION_LIFETIME.toMillis());
        var deviceOut = device != null ? deviceToken : randomToken();
        if (device == null) users.insertTrustedDevice(sha256(deviceOut), creds.get().user().id(), now);
        else users.touchTrustedDevice(device, now);
        return new SignIn.SignedIn(token, new Session(creds.get().user(), csrf, sha256(token)), deviceOut);
    }

    /** The hash of {@code token} when it is a trusted device of the account {@code email}, else null. */
    private @Nullable String trustedDevice(String email, @Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) return null;
        var hash = sha256(token);
        return users.findTrustedDeviceOwner(hash).filter(email::equals).map(e -> hash).orElse(null);
    }

    private boolean falseAfterBurning(String password) {
        passwords.burnTime(password);
        return false;
    }

    public Optional<Session> session(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        var hash = sha256(token);
        return users.findSession(hash, clock.millis()).map(s -> new Session(s.user(), s.csrfToken(), hash));
    }

    public void signOut(Session session) { users.deleteSession(session.tokenHash()); }

    /** Creates a user; throws IllegalArgumentException with a message naming the problem. */
    public User create(String rawEmail, String displayName, Role role, String password) {
        var email = normalize(rawEmail);
        if (!EMAIL.matcher(email).matches() || org.masthead.http.PlainText.hasControl(email)) {
            throw new IllegalArgumentException("'" + org.masthead.http.PlainText.htmlSafe(email) + "' is not an email address");
        }
        if (displayName != null && (org.masthead.http.PlainText.hasControl(displayName) || displayName.length() > 100)) {
            throw new IllegalArgumentException("Give a name of up to 100 characters without control characters.");
        }
        var problem = Passwords.problemWith(password);
        if (problem != null) throw new IllegalArgumentException(problem);
        if (users.findByEmail(email).isPresent()) throw new IllegalArgumentException("a user with email " + email + " already exists");
        var name = displayName == null || displayName.isBlank() ? email.substring(0, email.indexOf('@')) : displayName.trim();
        long id = users.insert(email, name, role, passwords.hash(password), clock.millis());
        return users.find(id).orElseThrow();
    }

    /** Creates the user, or resets the password of an existing one (used by the demo admin). */
    public User createOrResetPassword(String email, String displayName, Role role, String password) {
        var existing = users.findByEmail(normalize(email));
        if (existing.isEmpty()) return create(email, displayName, role, password);
        users.updatePassword(existing.get().id(), passwords.hash(password));
        return existing.get();
    }

    /** Disables or enables a user; refuses (IllegalArgumentException) to disable yourself or the last active admin. */
    public void setDisabled(User actor, long userId, boolean disabled) {
        var target = users.find(userId).orElseThrow(() -> new java.util.NoSuchElementException("no such user"));
        if (disabled && target.id() == actor.id()) throw new IllegalArgumentException("You cannot disable your own account; ask another admin.");
        if (disabled && target.role() == Role.ADMIN && users.countOtherActiveAdmins(target.id()) == 0) {
            throw new IllegalArgumentException("This is the last active admin; make someone else an admin first.");
        }
        users.setDisabled(userId, disabled);
    }

    public void setDisabled(long userId, boolean disabled) { users.setDisabled(userId, disabled); }

    /** Changes a user's role; refuses (IllegalArgumentException) to change your own or to leave the newsroom without an active admin. */
    public void setRole(User actor, long userId, Role role) {
        var target = users.find(userId).orElseThrow(() -> new java.util.NoSuchElementException("no such user"));
        if (target.id() == actor.id()) throw new IllegalArgumentException("You cannot change your own role; ask another admin.");
        if (target.role() == Role.ADMIN && role != Role.ADMIN && users.countOtherActiveAdmins(target.id()) == 0) {
            throw new IllegalArgumentException("This is the last active admin; make someone else an admin first.");
        }
        users.setRole(userId, role);
    }

    /** How long a password-reset link works, and an invitation. */
    public static final java.time.Duration RESET_LIFETIME = java.time.Duration.ofHours(24);
    public static final java.time.Duration INVITE_LIFETIME = java.time.Duration.ofDays(7);

    /**
     * A one-time link for {@code userId} ("reset" or "invite") that an admin hands over: the raw token,
     * of which only the hash is kept. Any earlier live link of the user stops working.
     */
    public String issueLink(long userId, String kind, @Nullable Long createdBy) {
        var token = randomToken();
        long now = clock.millis();
        users.insertLink(sha256(token), userId, kind, createdBy, now, now + (kind.equals("invite") ? INVITE_LIFETIME : RESET_LIFETIME).toMillis());
        return token;
    }

    /** The user and kind ("reset", "invite") of a live link, if {@code token} is one. */
    public Optional<java.util.Map.Entry<User, String>> link(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        return users.findLink(sha256(token), clock.millis());
    }

    /** Sets the password through a link, once; the problem with it (or with the password) when refused, else null. */
    public @Nullable String redeem(String token, String password) {
        var link = link(token);
        if (link.isEmpty()) return "This link has expired or was already used; ask an admin for a new one.";
        var problem = Passwords.problemWith(password);
        if (problem != null) return problem;
        if (!users.redeemLink(sha256(token), link.get().getKey().id(), passwords.hash(password), clock.millis())) {
            return "This link has expired or was already used; ask an admin for a new one.";
        }
        return null;
    }

    public String generatePassword() { return passwords.generate(); }

    private static String normalize(String email) { return email == null ? "" : email.trim().toLowerCase(Locale.ROOT); }

    private String randomToken() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) { return org.masthead.http.Digests.sha256Hex(s); }
}
