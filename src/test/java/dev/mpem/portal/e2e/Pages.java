package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on every page: sign in, press buttons, and look at the page as a person sees it. */
final class Pages {

    /** A MessageFormat placeholder left in the text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");
    /** A code such as RATING_CHANGED or SELL_MORE shown instead of words. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");

    private final WebDriver driver;
    private final String base;

    Pages(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    Pages open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on the sign-in page; true when the portal let the person in. */
    boolean signIn(String username, String password) {
        open("/login");
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        return !driver.getCurrentUrl().contains("/login");
    }

    /** Clicks the button of the page's main part that says {@code text}, and waits for the next page. */
    void press(String text) {
        WebElement button = driver.findElement(By.xpath("//main//button[normalize-space()=" + quote(text) + "]"));
        clickAndWait(button);
    }

    void follow(String linkText) {
        clickAndWait(driver.findElement(By.xpath("//main//a[normalize-space()=" + quote(linkText) + "]")));
    }

    /** Clicks what starts a navigation and waits until the old page is gone. */
    void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        scrollTo(element);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                html.getTagName();
                return false;
            }
            catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or (Chromium's other word for it) "does not belong to the document".
                return true;
            }
        });
    }

    void scrollTo(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses the option of a select list that shows this text. */
    void select(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id(id))).selectByVisibleText(visibleText);
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String h1() {
        return text("h1");
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Picks a level on a walk step or vote page by clicking the choice inside the level's card. */
    void chooseOnCard(String kind, int level) {
        WebElement choice = driver.findElement(By.cssSelector(".level-card.level-" + level + " label.choice-" + kind));
        scrollTo(choice);
        choice.click();
    }

    /** Picks a level in the workshop's agree form (a row of choices per kind) by clicking its label. */
    void chooseOnAgreeForm(String kind, int level) {
        WebElement radio = driver.findElement(By.cssSelector("form.agree-form input[name=" + kind + "][value='" + level
                + "']"));
        WebElement label = radio.findElement(By.xpath("ancestor::label"));
        scrollTo(label);
        label.click();
    }

    /** Makes the page's viewport (not the window) {@code width} × {@code height} CSS pixels. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        List<?> inner = (List<?>) js().executeScript("return [window.innerWidth, window.innerHeight];");
        int dx = width - ((Number) inner.get(0)).intValue();
        int dy = height - ((Number) inner.get(1)).intValue();
        driver.manage().window().setSize(new Dimension(width + dx, height + dy));
    }

    /**
     * What a person would trip over on this page at this size: sideways scrolling, a placeholder or
     * a code on screen, chart text under 11 px. Empty when there is nothing.
     */
    List<String> problems(String label) {
        List<String> problems = new java.util.ArrayList<>();
        long scrollWidth = ((Number) js().executeScript("return document.documentElement.scrollWidth;")).longValue();
        long width = ((Number) js().executeScript("return window.innerWidth;")).longValue();
        if (scrollWidth > width) {
            problems.add(label + ": scrolls sideways (" + scrollWidth + " px on a " + width + " px screen)");
        }
        String visible = driver.findElement(By.tagName("body")).getText();
        Matcher placeholder = PLACEHOLDER.matcher(visible);
        if (placeholder.find()) {
            problems.add(label + ": shows the placeholder " + placeholder.group());
        }
        Matcher code = CODE.matcher(visible);
        if (code.find()) {
            problems.add(label + ": shows the code " + code.group());
        }
        Number smallest = (Number) js().executeScript("""
                var smallest = 1000;
                document.querySelectorAll('main svg text').forEach(function (t) {
                    var svg = t.ownerSVGElement;
                    if (!svg || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) { return; }
                    var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
                });
                return smallest;""");
        if (smallest.doubleValue() < 11) {
            problems.add(label + ": chart text drawn at " + Math.round(smallest.doubleValue() * 10) / 10.0 + " px");
        }
        return problems;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static String quote(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
