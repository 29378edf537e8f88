package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OpenAPI document passes Redocly's recommended rules (installed by ./masthead test into .tools). */
class OpenApiLintTest {
    static final Path REDOCLY = Path.of(".tools/node_modules/.bin/redocly");

    @Test
    void the_openapi_document_passes_the_recommended_lint_rules() throws Exception {
        assertThat(REDOCLY).as("redocly is installed by ./masthead test into .tools").exists();
        var p = new ProcessBuilder(REDOCLY.toString(), "lint", "--format", "codeframe", "src/main/resources/api/openapi.json")
            .redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("Error was generated");
        assertThat(Files.size(Path.of("src/main/resources/api/openapi.json"))).isPositive();
    }
}
