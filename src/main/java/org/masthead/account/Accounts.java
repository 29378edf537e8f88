package org.masthead.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
        record SignedIn(String token, Session session) implements SignIn {}
        record Refused(String message) implements SignIn {}
        record Throttled(long seconds) implements SignIn {}
    }

    public SignIn signIn(String rawEmail, String password, String address) {
        var email = normalize(rawEmail);
        var wait = throttle.waitFor(email, address);
        if (wait.isPresent()) return new SignIn.Throttled(wait.get());
        var creds = users.findCredentials(email);
        boolean ok = creds.isPresent()
            ? passwords.matches(password, creds.get().passwordHash())
            : falseAfterBurning(password);
        if (!ok || creds.get().user().disabled()) {
            throttle.failed(email, address);
            return new SignIn.Refused("Wrong email or password.");
        }
        throttle.succeeded(email);
        var token = randomToken();
        var csrf = randomToken();
        long now = clock.millis();
        users.insertSession(sha256(token), creds.get().user().id(), csrf, now, now + SESSION_LIFETIME.toMillis());
        return new SignIn.SignedIn(token, new Session(creds.get().user(), csrf, sha256(token)));
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
        if (!EMAIL.matcher(email).matches()) throw new IllegalArgumentException("'" + rawEmail + "' is not an email address");
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
