package org.masthead.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver (never a downloaded browser). The user agent
 * is a normal desktop one so the site treats the test as a person, not a headless bot.
 */
public final class Chromium {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    static final Path AXE = Path.of(".tools/node_modules/axe-core/axe.min.js");

    private Chromium() {}

    public static ChromeDriver start() { return start(Visitors.userAgent(0)); }

    /** A browser that presents {@code userAgent}: distinct ones are distinct readers. */
    public static ChromeDriver start(String userAgent) { return start(userAgent, 1280, 1000); }

    /** A browser with a window of {@code width}×{@code height} CSS pixels (390×844: a phone). */
    public static ChromeDriver start(String userAgent, int width, int height) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=" + width + "," + height, "--user-agent=" + userAgent);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Records every Content-Security-Policy violation on every page this browser opens, for {@link #cspViolations}. */
    public static void recordCspViolations(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    /** The CSP violations on the current page (and its same-origin frames' reports to it). */
    @SuppressWarnings("unchecked")
    public static List<String> cspViolations(ChromeDriver driver) {
        var v = driver.executeScript("return window.__csp || [];");
        return (List<String>) v;
    }

    /**
     * How far the page scrolls sideways (scrollWidth beyond the viewport, in CSS px; 0 when it does not),
     * with the deepest elements that stick out, for the failure message.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sidewaysScroll(ChromeDriver driver) {
        return (Map<String, Object>) driver.executeScript("""
            var doc = document.documentElement, w = doc.clientWidth, out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if ((r.right > w + 1 || r.left < -1) && r.width > 0 && !Array.prototype.some.call(e.children, function (c) {
                var cr = c.getBoundingClientRect(); return cr.right > w + 1 || cr.left < -1; })) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')
                  + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');
              }
            });
            return {overflow: Math.max(0, doc.scrollWidth - w), culprits: out.slice(0, 8)};""");
    }

    /** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the current page; returns the violations found. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> axeViolations(ChromeDriver driver) {
        try {
            var js = (JavascriptExecutor) driver;
            js.executeScript(Files.readString(AXE));
            var result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.html).slice(0, 3)}))}))
                  .catch(e => done({violations: [{id: 'axe-error', help: String(e)}]}));
                """);
            return (List<Map<String, Object>>) result.get("violations");
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by ./masthead test into .tools", e);
        }
    }
}
