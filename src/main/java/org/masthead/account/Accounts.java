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

    public void setDisabled(long userId, boolean disabled) { users.setDisabled(userId, disabled); }

    public String generatePassword() { return passwords.generate(); }

    private static String normalize(String email) { return email == null ? "" : email.trim().toLowerCase(Locale.ROOT); }

    private String randomToken() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) { return org.masthead.http.Digests.sha256Hex(s); }
}
