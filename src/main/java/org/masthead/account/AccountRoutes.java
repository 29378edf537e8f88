package org.masthead.account;

import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** Newsroom sign-in, sign-out and (for admins) user management. */
public final class AccountRoutes {
    private final Accounts accounts;
    private final UserStore users;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    private final org.masthead.http.ClientAddress clients;

    private final AuditLog audit;
    private final java.util.function.Supplier<List<org.masthead.taxonomy.Section>> sections;

    public AccountRoutes(Accounts accounts, UserStore users, NewsroomGuard guard, Templates templates,
                         org.masthead.http.ClientAddress clients, AuditLog audit, java.util.function.Supplier<List<org.masthead.taxonomy.Section>> sections,
                         String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.audit = audit;
        this.sections = sections;
        this.clients = clients;
        this.accounts = accounts;
        this.users = users;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/sign-in", this::signInForm, Access.SIGNED_OUT);
        r.post("/newsroom/sign-in", this::signIn, Access.SIGNED_OUT);
        r.post("/newsroom/sign-out", this::signOut, Access.CONTRIBUTOR);
        r.get("/newsroom/users", this::listUsers, Access.ADMIN);
        r.post("/newsroom/users", this::addUser, Access.ADMIN);
        r.post("/newsroom/users/{id}/disable", ctx -> setDisabled(ctx, true), Access.ADMIN);
        r.post("/newsroom/users/{id}/enable", ctx -> setDisabled(ctx, false), Access.ADMIN);
        r.post("/newsroom/users/{id}/sections", this::setSections, Access.ADMIN);
        r.post("/newsroom/users/{id}/role", this::setRole, Access.ADMIN);
        r.post("/newsroom/users/{id}/reset-link", this::resetLink, Access.ADMIN);
        r.post("/newsroom/users/invite", this::invite, Access.ADMIN);
        r.get("/newsroom/welcome/{token}", ctx -> welcomeForm(ctx, 200, ""), Access.SIGNED_OUT); // the one-time link is the credential
        r.post("/newsroom/welcome/{token}", this::welcome, Access.SIGNED_OUT);
    }

    public record SignInPage(Chrome chrome, String email, String error) {}

    /** {@code link}: a one-time link just made, to hand over; {@code notice} and {@code error}: what happened. */
    public record UsersPage(Chrome chrome, List<User> users, Map<String, String> errors, String email, String name,
                            String role, String createdPassword, List<org.masthead.taxonomy.Section> sections, Map<Long, java.util.Set<Long>> limits,
                            String link, String notice, String error, long self) {}

    public record WelcomePage(Chrome chrome, User user, String kind, String token, String error) {}

    private void signInForm(Context ctx) {
        renderSignIn(ctx, 200, "", "");
    }

    private void renderSignIn(Context ctx, int status, String email, String error) {
        var token = new byte[24];
        random.nextBytes(token);
        var csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        NewsroomGuard.setCookie(ctx, NewsroomGuard.PRE_SESSION_COOKIE, csrf, 3600);
        templates.privatePage(ctx, status, "newsroom/signin.jte",
            new SignInPage(new Chrome(guard.siteName(), "Sign in", null, null, csrf, "", org.masthead.http.Dates.UTC), email, error));
    }

    private void signIn(Context ctx) {
        // Double-submit check: the form must echo the random cookie set with the form.
        if (!NewsroomGuard.sameToken(NewsroomGuard.csrfFrom(ctx), ctx.cookie(NewsroomGuard.PRE_SESSION_COOKIE))) {
            throw new ForbiddenResponse("Missing or invalid CSRF token: reload the sign-in page and try again.");
        }
        var email = Http.field(ctx, "email");
        var address = address(ctx);
        var result = accounts.signIn(email, ctx.formParam("password") == null ? "" : ctx.formParam("password"),
            address, ctx.cookie(NewsroomGuard.DEVICE_COOKIE));
        switch (result) {
            case Accounts.SignIn.SignedIn s -> audit.record(s.session().user().id(), "account.sign-in", "user:" + s.session().user().id(), address);
            case Accounts.SignIn.Refused r -> audit.record(null, "account.sign-in-refused", "email:" + org.masthead.http.PlainText.htmlSafe(email), address);
            case Accounts.SignIn.Throttled t -> audit.record(null, "account.sign-in-throttled", "email:" + org.masthead.http.PlainText.htmlSafe(email), address);
        }
        switch (result) {
            case Accounts.SignIn.SignedIn s -> {
                NewsroomGuard.setCookie(ctx, NewsroomGuard.SESSION_COOKIE, s.token(), Accounts.SESSION_LIFETIME.toSeconds());
                NewsroomGuard.setCookie(ctx, NewsroomGuard.DEVICE_COOKIE, s.deviceToken(), 365L * 86_400);
                NewsroomGuard.setCookie(ctx, NewsroomGuard.PRE_SESSION_COOKIE, "", 0);
                ctx.redirect("/newsroom/articles");
            }
            case Accounts.SignIn.Refused refused -> renderSignIn(ctx, 401, email, refused.message());
            case Accounts.SignIn.Throttled t -> {
                ctx.header("Retry-After", String.valueOf(t.seconds()));
                renderSignIn(ctx, 429, email, "Too many failed sign-ins. Try again in " + t.seconds() + " seconds.");
            }
        }
    }

    private String address(Context ctx) { return clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")); }

    private void signOut(Context ctx) {
        accounts.signOut(NewsroomGuard.session(ctx));
        NewsroomGuard.setCookie(ctx, NewsroomGuard.SESSION_COOKIE, "", 0);
        ctx.redirect("/newsroom/sign-in");
    }

    private void listUsers(Context ctx) {
        renderUsers(ctx, 200, Map.of(), "", "", "contributor", null);
    }

    private void renderUsers(Context ctx, int status, Map<String, String> errors, String email, String name, String role, String created) {
        renderUsers(ctx, status, errors, email, name, role, created, "", "", "");
    }

    private void renderUsers(Context ctx, int status, Map<String, String> errors, String email, String name, String role, String created,
                             String link, String notice, String error) {
        templates.privatePage(ctx, status, "newsroom/users.jte",
            new UsersPage(guard.chrome(ctx, "Users", "users"), users.list(), errors, email, name, role, created, sections.get(),
                users.list().stream().collect(java.util.stream.Collectors.toMap(User::id, u -> users.listSections(u.id()))), link, notice, error,
                NewsroomGuard.user(ctx).id()));
    }

    /** The form's role, or empty after the users page came back naming {@code errorField}. */
    private java.util.Optional<Role> role(Context ctx, String errorField) {
        try {
            return java.util.Optional.of(Role.parse(Http.field(ctx, "role")));
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 400, Map.of(errorField, "Choose contributor, editor or admin."), Http.field(ctx, "email"), Http.field(ctx, "name"),
                Http.field(ctx, "role"), null);
            return java.util.Optional.empty();
        }
    }

    private User target(Context ctx) {
        return users.find(Http.id(ctx, "id")).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no such user"));
    }

    private void setRole(Context ctx) {
        var target = target(ctx);
        Role role;
        try {
            role = Role.parse(Http.field(ctx, "role"));
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 400, Map.of(), "", "", "contributor", null, "", "", "Choose contributor, editor or admin.");
            return;
        }
        try {
            accounts.setRole(NewsroomGuard.user(ctx), target.id(), role);
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 409, Map.of(), "", "", "contributor", null, "", "", e.getMessage());
            return;
        }
        audit.record(NewsroomGuard.user(ctx).id(), "account.role-" + role.dbValue(), "user:" + target.id(), address(ctx));
        renderUsers(ctx, 200, Map.of(), "", "", "contributor", null, "", target.email() + " is now " + role.dbValue() + ".", "");
    }

    private void resetLink(Context ctx) {
        var target = target(ctx);
        if (target.disabled()) {
            renderUsers(ctx, 409, Map.of(), "", "", "contributor", null, "", "", target.email() + " is disabled; enable the account first.");
            return;
        }
        var token = accounts.issueLink(target.id(), "reset", NewsroomGuard.user(ctx).id());
        audit.record(NewsroomGuard.user(ctx).id(), "account.reset-link", "user:" + target.id(), address(ctx));
        renderUsers(ctx, 201, Map.of(), "", "", "contributor", null, baseUrl + "/newsroom/welcome/" + token,
            "Give " + target.email() + " this link to set a new password. It works once, for 24 hours; their old password works until then.", "");
    }

    /** Adds an account whose owner sets their own password through a link (no password travels through the admin). */
    private void invite(Context ctx) {
        var email = Http.field(ctx, "email");
        var name = Http.field(ctx, "name");
        var chosen = role(ctx, "invite-role");
        if (chosen.isEmpty()) return;
        var role = chosen.get();
        User created;
        try {
            created = accounts.create(email, name, role, accounts.generatePassword()); // a password nobody is told: the link sets theirs
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 400, Map.of("invite-email", capitalize(e.getMessage())), email, name, role.dbValue(), null);
            return;
        }
        var token = accounts.issueLink(created.id(), "invite", NewsroomGuard.user(ctx).id());
        audit.record(NewsroomGuard.user(ctx).id(), "account.invite-" + role.dbValue(), "user:" + created.id(), address(ctx));
        renderUsers(ctx, 201, Map.of(), "", "", "contributor", null, baseUrl + "/newsroom/welcome/" + token,
            "Invitation ready. Send " + created.email() + " this link; it works once, for 7 days, and lets them choose their password.", "");
    }

    private void welcomeForm(Context ctx, int status, String error) {
        var link = accounts.link(ctx.pathParam("token"));
        var token = new byte[24];
        random.nextBytes(token);
        var csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        NewsroomGuard.setCookie(ctx, NewsroomGuard.PRE_SESSION_COOKIE, csrf, 3600);
        ctx.header("Referrer-Policy", "no-referrer"); // the token never leaves in a Referer header
        if (link.isEmpty()) {
            ctx.status(404);
            templates.privatePage(ctx, 404, "newsroom/welcome.jte", new WelcomePage(new Chrome(guard.siteName(), "Link expired", null, null, csrf, "",
                org.masthead.http.Dates.UTC), null, "", "", "This link has expired or was already used; ask an admin for a new one."));
            return;
        }
        templates.privatePage(ctx, status, "newsroom/welcome.jte", new WelcomePage(new Chrome(guard.siteName(),
            link.get().getValue().equals("invite") ? "Welcome" : "Set a new password", null, null, csrf, "", org.masthead.http.Dates.UTC),
            link.get().getKey(), link.get().getValue(), ctx.pathParam("token"), error));
    }

    private void welcome(Context ctx) {
        if (!NewsroomGuard.sameToken(NewsroomGuard.csrfFrom(ctx), ctx.cookie(NewsroomGuard.PRE_SESSION_COOKIE))) {
            throw new ForbiddenResponse("Missing or invalid CSRF token: reload the page and try again.");
        }
        var password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        if (!password.equals(ctx.formParam("password_again"))) {
            welcomeForm(ctx, 400, "The two passwords differ; type the same one twice.");
            return;
        }
        var user = accounts.link(ctx.pathParam("token")).map(Map.Entry::getKey);
        var problem = accounts.redeem(ctx.pathParam("token"), password);
        if (problem != null) {
            welcomeForm(ctx, user.isEmpty() ? 404 : 400, problem);
            return;
        }
        audit.record(user.get().id(), "account.password-set", "user:" + user.get().id(), address(ctx));
        ctx.header("Referrer-Policy", "no-referrer");
        renderSignIn(ctx, 200, user.get().email(), "");
    }

    private void addUser(Context ctx) {
        var email = Http.field(ctx, "email");
        var name = Http.field(ctx, "name");
        var roleName = Http.field(ctx, "role");
        var chosen = role(ctx, "role");
        if (chosen.isEmpty()) return;
        var role = chosen.get();
        var password = accounts.generatePassword();
        try {
            var created = accounts.create(email, name, role, password);
            audit.record(NewsroomGuard.user(ctx).id(), "account.add-" + role.dbValue(), "user:" + created.id(), address(ctx));
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 400, Map.of("email", capitalize(e.getMessage())), email, name, roleName, null);
            return;
        }
        renderUsers(ctx, 201, Map.of(), "", "", "contributor", email + ": " + password);
    }

    /** Limits an editor to the sections ticked (none ticked: every section). */
    private void setSections(Context ctx) {
        long id = Http.id(ctx, "id");
        users.find(id).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no such user"));
        var chosen = new java.util.HashSet<Long>();
        for (var v : ctx.formParams("sections")) {
            try {
                chosen.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new io.javalin.http.BadRequestResponse("sections are section ids");
            }
        }
        var known = sections.get().stream().map(s -> s.id()).collect(java.util.stream.Collectors.toSet());
        if (!known.containsAll(chosen)) throw new io.javalin.http.BadRequestResponse("no such section");
        users.setSections(id, chosen);
        audit.record(NewsroomGuard.user(ctx).id(), "account.sections", "user:" + id + " " + new java.util.TreeSet<>(chosen), address(ctx));
        ctx.redirect("/newsroom/users", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void setDisabled(Context ctx, boolean disabled) {
        long id = target(ctx).id();
        try {
            accounts.setDisabled(NewsroomGuard.user(ctx), id, disabled);
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, 409, Map.of(), "", "", "contributor", null, "", "", e.getMessage());
            return;
        }
        audit.record(NewsroomGuard.user(ctx).id(), disabled ? "account.disable" : "account.enable", "user:" + id, address(ctx));
        ctx.redirect("/newsroom/users");
    }

    private static String capitalize(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + "."; }
}
