package dev.mpem.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.type.filter.AssignableTypeFilter;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;
import dev.mpem.portal.shared.Times;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event a feature publishes for the audit trail names one of its actions and renders, through
 * the stored code and arguments, to words: no missing text, no leftover placeholder, every argument
 * given as text shown. Events are found on the class path, so a new one is checked without being listed here.
 */
class AuditedEventsTests {

    private final AuditDetails details = new AuditDetails(messages(), JsonMapper.builder().build(), new Times("UTC"));

    @Test
    void everyAuditedEventHasAnActionAndRendersToWords() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Audited.class));
        List<String> rendered = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.mpem.portal")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            Audited event = (Audited) sample(type);
            assertThat(AuditAction.valueOf(event.action())).as(type.getName()).isNotNull();
            String words = details.render(event.details().code(), details.write(event.details().arguments()), Locale.UK);
            assertThat(words).as(type.getName()).doesNotContain("{", "}", "audit.", "confidence.", "role.");
            event.details().arguments().stream().filter(String.class::isInstance)
                    .forEach(text -> assertThat(words).as(type.getName()).contains((String) text));
            rendered.add(words);
        }
        assertThat(rendered).as("events found").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aMomentIsShownInTheReadersZoneAndLongTextIsCut() {
        String arguments = details.write(List.of("abc", 30L, Instant.parse("2026-05-14T10:00:00Z")));
        assertThat(details.render("audit.SHARE_CREATED", arguments, Locale.UK))
                .isEqualTo("Read-only link abc… to the report created, valid for 30 days (until 2026-05-14 10:00 UTC).");
        assertThat(details.render("audit.SHARE_CREATED", details.write(List.of("abc", 1L, Instant.EPOCH)), Locale.UK))
                .contains("valid for 1 day (");
        String reason = "x".repeat(5000);
        assertThat(details.render("audit.ASSESSMENT_REOPENED.reason", details.write(List.of(reason)), Locale.UK))
                .hasSizeLessThan(AuditDetails.MAX_TEXT + 40);
    }

    /** An executive granted many organisations with long names: the entry is shortened to fit, never refused. */
    @Test
    void anEntryWithManyLongArgumentsIsShortenedToFitItsColumn() {
        List<String> organisations = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> "Organisation " + i + " " + "x".repeat(180)).toList();
        var event = new dev.mpem.portal.account.AccountEvents.AccountCreated("exec", dev.mpem.portal.account.Role.EXECUTIVE,
                organisations);

        String arguments = details.write(event.details().arguments());

        assertThat(arguments.length()).isLessThanOrEqualTo(AuditDetails.MAX_ARGUMENTS);
        assertThat(details.render(event.details().code(), arguments, Locale.UK))
                .startsWith("Account exec created as Executive with access to organisations \u201cOrganisation 0 ")
                .contains("more");
    }

    /** A value of each component's type. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type, Type generic) throws Exception {
        if (type == String.class) {
            return "sample-text";
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 5, 14);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-05-14T10:00:00Z");
        }
        if (type == Phrase.class) {
            return Phrase.of("audit.quoted", "sample-text");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type == List.class) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) item, item));
        }
        if (type == Map.class) {
            return Map.of("sample-text", 7);
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("No sample for " + type);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
