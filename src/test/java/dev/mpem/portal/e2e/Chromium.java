package dev.mpem.portal.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.opentest4j.TestAbortedException;

/**
 * Headless Debian Chromium for end-to-end tests, driven by its own chromedriver: nothing is ever
 * downloaded. Without a Chromium the tests are skipped, unless the property {@code portal.e2e.required}
 * is true (CI sets it), in which case they fail. A failing test leaves a screenshot and the page
 * source of every browser it opened under {@code target/e2e-failures/}.
 */
public class Chromium implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    static final Path BROWSER = Path.of(System.getProperty("portal.e2e.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("portal.e2e.chromedriver", "/usr/bin/chromedriver"));

    /** The browsers one test opened, closed after it. */
    public static final class Browsers {

        private final List<WebDriver> drivers = new ArrayList<>();

        /** A fresh browser: its own profile, no cookies. */
        public WebDriver open() {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-extensions", "--window-size=1366,1000", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            // Elements of a page that is still loading after a click are waited for, briefly.
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            drivers.add(driver);
            return driver;
        }

        void evidence(String name) {
            Path folder = Path.of("target", "e2e-failures");
            try {
                Files.createDirectories(folder);
                for (int i = 0; i < drivers.size(); i++) {
                    WebDriver driver = drivers.get(i);
                    String file = name + (drivers.size() > 1 ? "-browser" + (i + 1) : "");
                    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                    Files.copy(shot.toPath(), folder.resolve(file + ".png"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.writeString(folder.resolve(file + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                            + driver.getPageSource(), StandardCharsets.UTF_8);
                }
            }
            catch (IOException | RuntimeException e) {
                System.err.println("Could not keep the evidence of " + name + ": " + e);
            }
        }

        void quit() {
            drivers.forEach(driver -> {
                try {
                    driver.quit();
                }
                catch (RuntimeException e) {
                    // already gone
                }
            });
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "No Chromium at " + BROWSER + " with " + DRIVER
                    + " (Debian packages chromium and chromium-driver)";
            if (Boolean.getBoolean("portal.e2e.required")) {
                throw new IllegalStateException(message + ", but the browser tests are required here.");
            }
            throw new TestAbortedException(message + ": browser tests skipped.");
        }
        Browsers browsers = new Browsers();
        context.getStore(NAMESPACE).put("browsers", (ExtensionContext.Store.CloseableResource) browsers::quit);
        context.getStore(NAMESPACE).put("instance", browsers);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).get("instance", Browsers.class);
        if (browsers != null && context.getExecutionException().isPresent()) {
            browsers.evidence(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get("instance", Browsers.class);
    }
}
