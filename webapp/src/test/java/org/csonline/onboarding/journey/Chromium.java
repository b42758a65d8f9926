package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own chromedriver (paths given, so Selenium Manager never downloads
 * anything). Every page it checks is run through axe-core and saved as a screenshot under target/screenshots.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE_REPORT = Path.of("target", "axe-report.md");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    final ChromeDriver driver;
    private final String base;
    private final String prefix;
    private int shots;

    private static final String CHROMIUM = System.getProperty("cso.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("cso.chromedriver", "/usr/bin/chromedriver");
    static final String INSTALL_COMMAND = "apt-get install -y chromium chromium-driver";
    private static boolean installed;

    Chromium(String base, String prefix) {
        ensureInstalled();
        this.base = base;
        this.prefix = prefix;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * `./mvnw verify` on a fresh Debian machine: Debian's Chromium is installed here when the tests run as root
     * (as in CI); otherwise the tests stop with the one command to run. Never a browser download.
     */
    static synchronized void ensureInstalled() {
        if (installed || Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            installed = true;
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "). Install them once with: sudo " + INSTALL_COMMAND);
        }
        Path log = Path.of("target", "chromium-install.log");
        for (String command : List.of("apt-get update", INSTALL_COMMAND)) {
            try {
                Files.createDirectories(log.getParent());
                ProcessBuilder builder = new ProcessBuilder(command.split(" ")).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                Process process = builder.start();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " took over 10 minutes; see " + log.toAbsolutePath());
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "); see "
                            + log.toAbsolutePath() + ". Run it yourself: " + INSTALL_COMMAND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        installed = true;
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        waitForScripts();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    WebElement button(String text) {
        return driver.findElements(By.cssSelector("button, a.govuk-button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + text + "' on " + driver.getCurrentUrl()));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a button that loads a new page, and waits for it. */
    void press(String buttonText) {
        navigating(() -> button(buttonText).click());
    }

    /** Runs something that leaves the page (a click, Enter in a form) and waits until the next page is ready. */
    void navigating(Runnable action) {
        WebElement html = find("html");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(html));
        waitForScripts();
    }

    String text() {
        return find("body").getText();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until the page has loaded and GOV.UK Frontend has initialised (the module script ran). */
    void waitForScripts() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return document.readyState === 'complete' && "
                            + "document.body.classList.contains('govuk-frontend-supported')")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Page scripts did not run on " + driver.getCurrentUrl() + ":\n"
                    + driver.getPageSource(), e);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** axe-core on the page as it is now: records the result and fails on any serious or critical violation. */
    void checkAccessibility(String page) {
        checkAccessibility(page, r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()));
    }

    /** axe-core as above, failing on a violation of any impact: the standard for staff pages and the dashboard. */
    void checkNoViolations(String page) {
        checkAccessibility(page, r -> true);
    }

    private void checkAccessibility(String page, java.util.function.Predicate<Rule> blocks) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> blocking = results.getViolations().stream().filter(blocks).toList();
        String summary = results.getViolations().isEmpty() ? "no violations"
                : results.getViolations().stream().map(r -> r.getId() + " (" + r.getImpact() + ", "
                        + r.getNodes().size() + " nodes)").collect(Collectors.joining("; "));
        appendReport("| " + prefix + " | " + page + " | " + path() + " | " + results.getPasses().size() + " | "
                + blocking.size() + " | " + summary + " |");
        assertThat(blocking).as("blocking axe violations on %s (%s): %s", page, path(),
                blocking.stream().map(r -> r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** A full-page screenshot at the normal width. */
    Path screenshot(String name) {
        long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, window.innerHeight)")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH,
                "height", (int) Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", false));
        try {
            return save(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * The page as a narrow phone (320 CSS pixels) or at 200% zoom (a 1280 pixel window shows 640 CSS pixels, each
     * drawn twice as large). Checks that nothing needs scrolling sideways (WCAG 1.4.10 reflow).
     */
    Path screenshotAt(String name, int cssWidth, int scale) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", cssWidth,
                "height", 800, "deviceScaleFactor", scale, "mobile", cssWidth < 400));
        try {
            long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", cssWidth,
                    "height", (int) Math.min(height, 5000), "deviceScaleFactor", scale, "mobile", cssWidth < 400));
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertThat(scrollWidth).as("page %s at %d CSS px scrolls sideways", path(), cssWidth)
                    .isLessThanOrEqualTo(cssWidth);
            return save(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Axe and a screenshot: what every applicant page gets. */
    void check(String name) {
        checkAccessibility(name);
        screenshot(name);
    }

    /** Axe with no violation of any impact, and a screenshot: what every staff page gets. */
    void checkStaff(String name) {
        checkNoViolations(name);
        screenshot(name);
    }

    // --- keyboard -------------------------------------------------------------------------------------------

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void key(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /**
     * Whether the focused element shows it: an outline or a box shadow, as GOV.UK Frontend draws focus (for a
     * checkbox, on the box drawn before its label).
     */
    boolean focusVisible() {
        return Boolean.TRUE.equals(js("let el = document.activeElement; let s = getComputedStyle(el);"
                + "if (el.type === 'checkbox' || el.type === 'radio') {"
                + "  s = getComputedStyle(el.nextElementSibling, '::before'); }"
                + "const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2"
                + " && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent';"
                + "const shadow = s.boxShadow && s.boxShadow !== 'none';"
                + "const yellow = s.backgroundColor === 'rgb(255, 221, 0)';"
                + "return el !== document.body && (outline || shadow || yellow);"));
    }

    String describeFocus() {
        return String.valueOf(js("const el = document.activeElement; return el.tagName + '#' + el.id + ' '"
                + " + (el.name || '') + ' ' + (el.innerText || el.value || '').trim().slice(0, 40);"));
    }

    /**
     * Presses Tab until the focused element matches the CSS selector, checking focus is visible on every stop.
     * Fails if it is not reached in 40 presses (so every control used this way is reachable by keyboard).
     */
    WebElement tabTo(String css) {
        for (int i = 0; i < 40; i++) {
            key(Keys.TAB);
            WebElement now = focused();
            if ("body".equals(now.getTagName())) {
                continue; // Tab went past the last control to the browser's own controls and back.
            }
            assertThat(focusVisible()).as("focus visible on %s at %s", describeFocus(), path()).isTrue();
            if (Boolean.TRUE.equals(js("return arguments[0].matches(arguments[1])", now, css))) {
                return now;
            }
        }
        throw new AssertionError("Could not reach " + css + " with Tab on " + path());
    }

    /** Every visible, enabled control of the main content and header is a Tab stop. */
    void assertEveryControlReachable() {
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        @SuppressWarnings("unchecked")
        List<WebElement> controls = (List<WebElement>) js("return Array.from(document.querySelectorAll("
                + "'a[href], button, input:not([type=hidden]), select, textarea, summary'))"
                + ".filter(el => !el.disabled && !el.closest('dialog:not([open])') && el.offsetParent !== null"
                + " && !(el.tagName !== 'SUMMARY' && el.closest('details:not([open])')))");
        java.util.Set<WebElement> seen = new java.util.HashSet<>();
        for (int i = 0; i < controls.size() + 10 && !seen.containsAll(controls); i++) {
            key(Keys.TAB);
            seen.add(focused());
        }
        List<String> missed = controls.stream().filter(c -> !seen.contains(c))
                .map(c -> c.getTagName() + " " + c.getText()).toList();
        assertThat(missed).as("controls not reachable by Tab on %s", path()).isEmpty();
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    }

    private Path save(String name) {
        shots++;
        Path target = SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(prefix, shots, name));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static synchronized void appendReport(String line) {
        try {
            if (!Files.exists(AXE_REPORT)) {
                Files.writeString(AXE_REPORT, "| test | page | path | rules passed | blocking | violations |\n"
                        + "|---|---|---|---|---|---|\n");
            }
            Files.writeString(AXE_REPORT, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
