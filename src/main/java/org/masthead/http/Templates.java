package org.masthead.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * JTE templates, precompiled at build time by jte-maven-plugin (src/main/jte). What they render never
 * carries a control character HTML forbids (a refused form shows its NUL as U+FFFD, so the writer sees where it was).
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) { this.engine = engine; }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    /** Renders {@code template} (path under src/main/jte, e.g. "site/article.jte") with its single parameter. */
    public String render(String template, Object model) {
        var out = new StringOutput();
        engine.render(template, model, out);
        return PlainText.htmlSafe(out.toString());
    }

    /** A private (never cached) HTML response, as every newsroom page is. */
    public void privatePage(Context ctx, int status, String template, Object model) {
        ctx.status(status)
            .header("Cache-Control", CacheControl.PRIVATE)
            .header("X-Robots-Tag", "noindex")
            .contentType("text/html; charset=utf-8")
            .result(render(template, model));
    }
}
