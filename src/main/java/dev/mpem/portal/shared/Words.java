package dev.mpem.portal.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of {@code messages.properties} in the language of whoever is being answered, for the
 * code that says something without being handed a {@link MessageSource}: flash messages, field
 * problems and the messages of refusals. Once the portal runs, its own message source is used;
 * before (in a plain unit test) the same bundle is read directly.
 */
@Component
public final class Words {

    private static volatile MessageSource source = bundle();

    Words(MessageSource messages) {
        source = messages;
    }

    /** The text of {@code code} with its arguments. */
    public static String say(String code, Object... arguments) {
        return source.getMessage(code, arguments.length == 0 ? null : arguments, LocaleContextHolder.getLocale());
    }

    private static MessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
