package dev.mpem.portal.e2e;

import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Moves through a page the way a keyboard-only user does. */
final class Keyboard {

    private final WebDriver driver;

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    Keyboard press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    Keyboard type(String text) {
        return press(text);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element matches (at most 80 times). */
    WebElement tabTo(Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 80; i++) {
            press(Keys.TAB);
            WebElement focused = focused();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what + "; focus is on " + describe(focused()));
    }

    /** Focus back to the top of the page, as after it loads. */
    Keyboard fromTop() {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();"
                + " window.scrollTo(0, 0);");
        return this;
    }

    /**
     * Chooses a level in a radio group: Tab into the group, then arrow keys (which also select).
     * Entering a group lands on its checked radio, or (none checked) on the first radio of the group
     * that Tab reaches: the level cards carry both groups, so that may be any level.
     */
    void chooseLevel(String group, int level) {
        WebElement radio = tabTo(e -> "radio".equals(e.getAttribute("type")) && group.equals(e.getAttribute("name")),
                "the " + group + " levels");
        if (!radio.isSelected()) {
            press(Keys.SPACE);
        }
        int at = Integer.parseInt(focused().getAttribute("value"));
        while (at < level) {
            press(Keys.ARROW_RIGHT);
            at++;
        }
        while (at > level) {
            press(Keys.ARROW_LEFT);
            at--;
        }
    }

    static Predicate<WebElement> button(String text) {
        return e -> "button".equals(e.getTagName()) && e.getText().strip().equals(text);
    }

    static Predicate<WebElement> field(String name) {
        return e -> name.equals(e.getAttribute("name"));
    }

    private static String describe(WebElement element) {
        return "<" + element.getTagName() + " name=" + element.getAttribute("name") + "> " + element.getText();
    }
}
