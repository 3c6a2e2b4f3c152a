package app.kadr.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, headless, with no network of its own and no downloaded browser. A browser
 * test registers it with {@code @RegisterExtension static final Browser browser = new Browser();}: one Chromium
 * then serves the whole test run and JUnit closes it at the end; every page still starts as a fresh person.
 */
public final class Browser implements BeforeAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    private @Nullable Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Playwright's assertions give up after 5 s by default; on a busy two-core CI machine a page can take longer,
        // so they wait as long as the context's actions do.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        chromium = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, type -> new Chromium(), Chromium.class);
    }

    /** A fresh person at a fresh browser: no cookies, no storage. */
    public Page newPage(String baseUrl) {
        if (chromium == null) {
            throw new IllegalStateException("Register the browser with @RegisterExtension on a static field");
        }
        BrowserContext context = chromium.browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setLocale("ru-RU").setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** A fresh browser in which the person has signed in through the login form, left on the projects page. */
    public Page signedIn(Studio studio, Studio.Person person) {
        Page page = newPage(studio.baseUrl());
        page.navigate("/login");
        page.getByLabel("Логин").fill(person.username());
        page.getByLabel("Пароль").fill(Studio.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти"))
                .click();
        page.waitForURL("**/");
        return page;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED)
                .setFullPage(true));
    }

    /** Opens the model picker of the form and chooses the first model that can run whose name has the text. */
    public static void pickModel(Page page, Locator form, String pickerSelector, String name) {
        form.locator("[data-model-open]").click();
        Locator picker = page.locator(pickerSelector);
        PlaywrightAssertions.assertThat(picker).isVisible();
        picker.locator(
                        "[data-picker-group] .picker-model[data-ready=true]",
                        new Locator.LocatorOptions().setHasText(name))
                .first()
                .locator("[data-pick]")
                .click();
        PlaywrightAssertions.assertThat(picker).isHidden();
        PlaywrightAssertions.assertThat(form.locator("[data-model-name]")).containsText(name);
    }

    /** The Playwright driver and its Chromium, stored once per run so that JUnit closes them when the run ends. */
    private static final class Chromium implements AutoCloseable {

        private final Playwright playwright;
        private final com.microsoft.playwright.Browser browser;

        Chromium() {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium");
            }
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run",
                                    "--autoplay-policy=no-user-gesture-required")));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
