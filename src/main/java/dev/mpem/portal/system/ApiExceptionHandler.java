package dev.mpem.portal.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.exc.StreamConstraintsException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.core.JacksonException;
import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.BodyTooLargeException;
import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.NotTextException;
import dev.mpem.portal.shared.Words;

/**
 * Turns every failure of a JSON API call into a problem ({@code application/problem+json}, see
 * {@link ApiError}) with the right 4xx status (or 500 without internals). Page controllers are handled by {@link WebExceptionHandler}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(ApiError.of(404, "NOT_FOUND", e.getMessage()).field(e.field()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(ApiError.of(409, e.code(), e.getMessage()).field(e.field()).with(e.details()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return answer(ApiError.invalid(e.problems()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage(), error.getRejectedValue()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage(), null)));
        return answer(ApiError.invalid(problems));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidArguments(HandlerMethodValidationException e) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage(), result.getArgument())))
                .toList();
        return answer(ApiError.invalid(problems));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = find(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return answer(ApiError.of(413, "PAYLOAD_TOO_LARGE", BodySizeLimit.tooLarge(tooLarge.limit())));
        }
        StreamConstraintsException constraint = find(e, StreamConstraintsException.class);
        if (constraint != null) {
            // Jackson's own message quotes sizes only, never the value; still, say it in our words.
            return answer(ApiError.of(413, "PAYLOAD_TOO_LARGE", "A value in the request body is longer or deeper"
                    + " than the portal accepts. Nothing was saved."));
        }
        JacksonException jackson = find(e, JacksonException.class);
        String field = jackson == null ? null : jackson.getPath().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null)
                .collect(Collectors.joining("."));
        NotTextException notText = find(e, NotTextException.class);
        if (notText != null) {
            String name = field == null || field.isEmpty() ? "body" : field;
            return answer(ApiError.invalid(List.of(new FieldProblem(name,
                    Words.say("api.notText", notText.explain("'" + name + "'")), null))));
        }
        if (field == null || field.isEmpty()) {
            return answer(ApiError.of(400, "MALFORMED_JSON", Words.say("api.malformed")));
        }
        return answer(ApiError.invalid(List.of(new FieldProblem(field,
                Words.say("api.wrongType", field), null))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return answer(ApiError.of(404, "NOT_FOUND", Words.say("api.pathNotFound", String.valueOf(e.getValue()),
                    e.getName())).field(e.getName()));
        }
        return answer(ApiError.invalid(List.of(new FieldProblem(e.getName(),
                "'" + e.getName() + "' has a value of the wrong type.", e.getValue()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return answer(ApiError.invalid(List.of(new FieldProblem(e.getParameterName(),
                "'" + e.getParameterName() + "' is required.", null))));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return answer(ApiError.of(405, "METHOD_NOT_ALLOWED", Words.say("api.method", e.getMethod())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ApiError.of(415, "UNSUPPORTED_MEDIA_TYPE", ErrorBodies.message(415)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(ApiError.of(406, "NOT_ACCEPTABLE", ErrorBodies.message(406)));
    }

    @ExceptionHandler({ ObjectOptimisticLockingFailureException.class, DataIntegrityViolationException.class })
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return answer(ApiError.of(409, "CONFLICT",
                Words.say("api.concurrent")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return answer(ApiError.of(500, "INTERNAL_ERROR", ErrorBodies.message(500)));
    }

    private static ResponseEntity<ProblemDetail> answer(ApiError error) {
        return ResponseEntity.status(HttpStatus.valueOf(error.status())).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(error.problem());
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
