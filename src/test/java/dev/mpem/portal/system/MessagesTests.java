package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import dev.mpem.portal.support.PortalTest;

/**
 * Renders every key of every {@code messages*.properties} through the portal's own message source, as
 * the pages do: with sample arguments where the text has placeholders, without where it has none. A
 * single apostrophe in a text with placeholders starts a MessageFormat quote, which swallows the
 * apostrophe and leaves "{0}" on the screen; this catches the whole class of that bug.
 */
@PortalTest
class MessagesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Autowired
    MessageSource messages;

    @Test
    void everyTextRendersItsArgumentsAndKeepsItsApostrophes() throws IOException {
        List<String> problems = new ArrayList<>();
        int rendered = 0;
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:messages*.properties")) {
            Locale locale = localeOf(file.getFilename());
            Properties texts = new Properties();
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                String raw = texts.getProperty(key);
                Object[] arguments = sampleArguments(raw);
                String shown = messages.getMessage(key, arguments, locale);
                rendered++;
                Matcher leftover = PLACEHOLDER.matcher(shown);
                if (leftover.find()) {
                    problems.add(key + ": shows the placeholder " + leftover.group() + " → " + shown);
                }
                for (int i = 0; arguments != null && i < arguments.length; i++) {
                    if (arguments[i] instanceof String sample && raw.contains("{" + i) && !shown.contains(sample)) {
                        problems.add(key + ": argument " + i + " does not appear → " + shown);
                    }
                }
                if (apostrophes(shown) < apostrophes(raw.replace("''", "'"))) {
                    problems.add(key + ": an apostrophe was lost → " + shown);
                }
            }
        }
        assertThat(rendered).as("message keys rendered").isGreaterThan(300);
        assertThat(problems).isEmpty();
    }

    @Test
    void aTextWithAnApostropheAndAPlaceholderIsShownAsWritten() {
        assertThat(messages.getMessage("workshop.stale", new Object[] { "2 Foundational", "4 Mature" }, Locale.UK))
                .isEqualTo("Someone changed this dimension’s rating since the votes were revealed (now: current"
                        + " 2 Foundational, target 4 Mature). Your choice is kept; record it again to replace the"
                        + " stored rating.");
        assertThat(messages.getMessage("reassess.lead", new Object[] { "Spring review", "Acme" }, Locale.UK))
                .contains("with last time’s rating shown for reference");
    }

    /** "messages_de.properties" → German; "messages.properties" → the default. */
    private static Locale localeOf(String filename) {
        String base = filename.substring(0, filename.length() - ".properties".length());
        return base.contains("_") ? Locale.forLanguageTag(base.substring(base.indexOf('_') + 1).replace('_', '-'))
                : Locale.UK;
    }

    private static Object[] sampleArguments(String raw) {
        int highest = -1;
        Matcher placeholder = PLACEHOLDER.matcher(raw);
        while (placeholder.find()) {
            highest = Math.max(highest, Integer.parseInt(placeholder.group(1)));
        }
        if (highest < 0) {
            return null;
        }
        Object[] arguments = new Object[highest + 1];
        for (int i = 0; i <= highest; i++) {
            // A choice or number format wants a number; 7 picks the plural branch of every choice.
            arguments[i] = raw.contains("{" + i + ",") ? (Object) 7 : "sample" + i;
        }
        return arguments;
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'' || c == '’').count();
    }
}
