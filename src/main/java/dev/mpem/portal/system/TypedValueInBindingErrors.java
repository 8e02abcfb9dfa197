package dev.mpem.portal.system;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.mpem.portal.shared.Text;

/**
 * A form field that is not even of its type (text where a number belongs) is refused by binding,
 * with a message that can quote what was typed: the {@code typeMismatch.*} texts get the field as
 * {0} and the typed value (cleaned, cut to 60 characters) as {1}.
 */
@ControllerAdvice
class TypedValueInBindingErrors {

    private static final DefaultBindingErrorProcessor PROCESSOR = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            String field = e.getPropertyName();
            Object value = e.getValue() instanceof Object[] values ? String.join(", ",
                    java.util.Arrays.stream(values).map(String::valueOf).toList()) : e.getValue();
            String[] codes = result.resolveMessageCodes(e.getErrorCode(), field);
            Object[] arguments = { new DefaultMessageSourceResolvable(new String[] { result.getObjectName() + "." + field,
                    field }, field), Text.abbreviate(Text.singleLine(Text.clean(String.valueOf(value))), 60) };
            FieldError error = new FieldError(result.getObjectName(), field, value, true, codes, arguments,
                    e.getLocalizedMessage());
            error.wrap(e);
            result.addError(error);
        }
    };

    @InitBinder
    void typedValues(WebDataBinder binder) {
        binder.setBindingErrorProcessor(PROCESSOR);
    }
}
