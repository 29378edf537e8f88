package org.masthead.account;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.masthead.http.Access;

/**
 * The one access check: before every matched route it reads the route's declared {@link Access}
 * and lets the request go on only for a caller it covers. Newsroom roles need a session (and a CSRF
 * token on state changes), API roles a live token; a route that declares nothing is refused.
 */
public final class AccessCheck {
    private final NewsroomGuard newsroom;
    private final ApiGuard api;

    public AccessCheck(NewsroomGuard newsroom, ApiGuard api) {
        this.newsroom = newsroom;
        this.api = api;
    }

    /** A beforeMatched handler. */
    public void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
            throw new ForbiddenResponse("This address declares no access rule, so no one may use it.");
        }
        switch (access) {
            case ANYONE, SIGNED_OUT, OPS -> { }
            case CONTRIBUTOR, EDITOR, ADMIN -> {
                if (!newsroom.authenticate(ctx)) return;
                var role = NewsroomGuard.user(ctx).role();
                if (access == Access.EDITOR && !role.canPublish()) throw new ForbiddenResponse("Only editors and admins may do this.");
                if (access == Access.ADMIN && !role.canManageUsers()) throw new ForbiddenResponse("Only admins may do this.");
            }
            case API_READ, API_EDITOR -> api.check(ctx, access == Access.API_EDITOR);
        }
    }
}
