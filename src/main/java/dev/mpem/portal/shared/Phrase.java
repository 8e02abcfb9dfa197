package dev.mpem.portal.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * Words to be shown to someone, kept as a message code of {@code messages.properties} and its
 * arguments, so they are rendered in the reader's language when shown rather than when said. An
 * argument may itself be a {@code Phrase} (rendered first) or a list of them (rendered and joined
 * with commas).
 */
public record Phrase(String code, List<Object> arguments) implements MessageSourceResolvable {

    public Phrase {
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String code, Object... arguments) {
        return new Phrase(code, Arrays.asList(arguments));
    }

    @Override
    public String[] getCodes() {
        return new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }
}
