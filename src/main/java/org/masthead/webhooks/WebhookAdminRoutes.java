package org.masthead.webhooks;

import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.HashSet;
import java.util.List;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** Admins register and remove webhooks and see recent deliveries with their status. */
public final class WebhookAdminRoutes {
    private final Webhooks webhooks;
    private final NewsroomGuard guard;
    private final Templates templates;

    public WebhookAdminRoutes(Webhooks webhooks, NewsroomGuard guard, Templates templates) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/webhooks", ctx -> render(ctx, 200, null, ""), Access.ADMIN);
        r.post("/newsroom/webhooks", this::register, Access.ADMIN);
        r.post("/newsroom/webhooks/{id}/remove", this::remove, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<Webhooks.Hook> hooks, List<Webhooks.Delivery> deliveries, String secret, String error) {}

    private void render(Context ctx, int status, String secret, String error) {
        templates.privatePage(ctx, status, "newsroom/webhooks.jte", new Page(guard.chrome(ctx, "Webhooks", "webhooks"), webhooks.list(),
            webhooks.recentDeliveries(50), secret, error));
    }

    private void register(Context ctx) {
        var events = new HashSet<>(ctx.formParams("events"));
        try {
            render(ctx, 201, webhooks.register(Http.field(ctx, "url"), events, NewsroomGuard.user(ctx).id()), "");
        } catch (IllegalArgumentException e) {
            render(ctx, 400, null, e.getMessage());
        }
    }

    private void remove(Context ctx) {
        webhooks.remove(Http.id(ctx, "id"));
        ctx.redirect("/newsroom/webhooks", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
