package dev.mpem.portal.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of every error answer of the API: an RFC 9457 problem ({@code application/problem+json}
 * with {@code title}, {@code status} and {@code detail}; no {@code type}, which means
 * "about:blank") that also carries, as it always has, a stable {@code error} code, a
 * {@code message} a person can read, the first {@code field} at fault (if any), every field
 * problem under {@code errors}, and any details of the error (e.g. the stored rating).
 */
public final class ApiError {

    /** A rejected value is echoed up to this length: a megabyte sent is not a megabyte answered. */
    static final int MAX_ECHOED = 200;

    private final Map<String, Object> body = new LinkedHashMap<>();

    private ApiError(int status, String error, String message) {
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
    }

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message);
    }

    public static ApiError invalid(List<FieldProblem> problems) {
        String message = problems.size() == 1 ? problems.get(0).message()
                : "Some fields are not valid: "
                        + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()) + ".";
        ApiError error = new ApiError(400, "VALIDATION_FAILED", message).field(problems.get(0).field());
        error.body.put("errors", problems.stream().map(ApiError::problem).toList());
        return error;
    }

    private static Map<String, Object> problem(FieldProblem problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", problem.field());
        map.put("message", problem.message());
        if (problem.rejectedValue() != null) {
            String value = String.valueOf(problem.rejectedValue());
            map.put("rejectedValue", value.length() <= MAX_ECHOED ? value
                    : value.substring(0, MAX_ECHOED) + "\u2026 (" + value.length() + " characters)");
        }
        return map;
    }

    public ApiError field(String field) {
        if (field != null) {
            body.put("field", field);
        }
        return this;
    }

    public ApiError with(Map<String, ?> details) {
        body.putAll(details);
        return this;
    }

    public int status() {
        return (int) body.get("status");
    }

    /** As Spring's problem detail, for a handler to answer with. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status()), (String) body.get("message"));
        problem.setTitle(title(status()));
        body.forEach((name, value) -> {
            if (!name.equals("status")) {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }

    /** The problem as the JSON object it is written as, for those who write the answer themselves. */
    public Map<String, Object> problemBody() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title(status()));
        problem.put("status", status());
        problem.put("detail", body.get("message"));
        problem.putAll(body);
        return problem;
    }

    /** The problem as JSON text. */
    public String json() {
        return JsonMapper.shared().writeValueAsString(problemBody());
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
