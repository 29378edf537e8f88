package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

class ErrorPagesIT {
    @Test
    void a_server_error_gets_a_plain_500_page_with_no_details() {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            app.services().db().close(); // every query now fails
            var res = app.browser().get("/news/anything");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.body()).contains("Something went wrong").contains("href=\"/\"")
                .doesNotContainIgnoringCase("exception").doesNotContain("Hikari").doesNotContain("at org.");
            assertThat(res.header("Cache-Control")).isEqualTo("no-store");
        }
    }
}
