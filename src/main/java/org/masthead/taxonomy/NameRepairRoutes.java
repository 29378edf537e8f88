package org.masthead.taxonomy;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Templates;

/** Admins see what migration 8 repaired in bylines, tags and addresses, and what it left for them to check. */
public final class NameRepairRoutes {
    private final TaxonomyStore store;
    private final NewsroomGuard guard;
    private final Templates templates;

    public NameRepairRoutes(TaxonomyStore store, NewsroomGuard guard, Templates templates) {
        this.store = store;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/names", this::show, Access.ADMIN);
    }

    public record Page(Chrome chrome, List<TaxonomyStore.Repair> repairs) {}

    private void show(Context ctx) {
        templates.privatePage(ctx, 200, "newsroom/names.jte", new Page(guard.chrome(ctx, "Name repairs", "users"), store.listRepairs()));
    }
}
