package org.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 8: text people typed (a headline with line breaks) can never forge a log line. */
class LogLinesTest {
    @Test
    @SuppressWarnings("unchecked")
    void line_breaks_and_control_characters_in_a_message_are_escaped_issue_8() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root.getAppender("OUT");
        assertThat(appender).as("the OUT appender of src/main/resources/logback.xml").isNotNull();
        var event = new LoggingEvent("x", context.getLogger("test"), Level.WARN, "saving {} failed",
            null, new Object[] {"Budget vote\n12:00:00.000 INFO  o.m.account - admin signed in\r\u0000\u001b[31m"});
        var line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line.strip().lines()).hasSize(1);
        assertThat(line).contains("Budget vote\\n12:00:00.000 INFO").contains("\\r").doesNotContain("\u0000").doesNotContain("\u001b");
        assertThat(appender.getEncoder()).isInstanceOf(LayoutWrappingEncoder.class);
    }
}
