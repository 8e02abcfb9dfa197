package dev.mpem.portal.system;

import java.beans.PropertyEditorSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import dev.mpem.portal.shared.NotTextException;
import dev.mpem.portal.shared.Text;

/**
 * Characters that are not text (see {@link Text#firstNonText}; PostgreSQL refuses NUL, XML and with
 * it the PDF refuses all of them) never reach a service. A JSON body holding one is refused with a
 * message naming the field; a form field, typed or pasted by a person, is cleaned of them as it is
 * bound ({@link Text#clean}), since nobody means an invisible control character.
 */
@Configuration(proxyBeanMethods = false)
class TextOnlyInput {

    /** Registered by Spring Boot with the application's JSON mapper. */
    @Bean
    JacksonModule textOnlyStrings() {
        return new SimpleModule("text-only-strings").addDeserializer(String.class, new TextOnlyStringDeserializer());
    }

    /** Form fields and request parameters of every page and API controller. */
    @ControllerAdvice
    static class FormBinding {

        @InitBinder
        void textOnly(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new CleanTextEditor());
        }
    }

    static final class TextOnlyStringDeserializer extends StdScalarDeserializer<String> {

        TextOnlyStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            int character = Text.firstNonText(value);
            if (character >= 0) {
                throw new NotTextException(parser, value, character);
            }
            return value;
        }
    }

    static final class CleanTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(Text.clean(text));
        }
    }
}
