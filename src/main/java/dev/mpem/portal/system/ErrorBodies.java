package dev.mpem.portal.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.Words;

/**
 * Error answers for requests that never reach a controller, so that the API answers every error as
 * the same problem ({@code application/problem+json}, see {@link ApiError}): an address or method nothing handles, a request refused by the security
 * firewall (Spring Boot's error handling), and a request Tomcat refuses before any servlet sees it
 * (an address with {@code %00}, an encoded slash or a broken escape).
 */
@Configuration(proxyBeanMethods = false)
class ErrorBodies {

    /** Boot's error controller, answering a problem under /api/ (an address nothing handles, a refused request). */
    @Bean
    BasicErrorController basicErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new ProblemErrorController(errorAttributes, web.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jsonErrorReports() {
        // The host's error report valve is in place (Spring Boot's or Tomcat's own) once the context starts.
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                useJsonErrorReports(context.getParent().getPipeline());
            }
        }));
    }

    private static void useJsonErrorReports(Pipeline pipeline) {
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        if (Arrays.stream(pipeline.getValves()).noneMatch(JsonErrorReportValve.class::isInstance)) {
            pipeline.addValve(new JsonErrorReportValve());
        }
    }

    static String message(int status) {
        return switch (status) {
            case 400, 404, 405, 406, 413, 415 -> Words.say("api.error." + status);
            default -> Words.say(status >= 500 ? "api.error.5xx" : "api.error.other");
        };
    }

    static String code(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    /** Under /api/: a problem whose {@code error} is a code like the API's own ({@code NOT_FOUND}), with a {@code message}. */
    static final class ProblemErrorController extends BasicErrorController {

        ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
                List<ErrorViewResolver> errorViewResolvers) {
            super(errorAttributes, properties, errorViewResolvers);
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            ResponseEntity<Map<String, Object>> answer = super.error(request);
            Map<String, Object> body = answer.getBody();
            if (body != null && body.get("path") instanceof String path && path.startsWith("/api/")) {
                int status = answer.getStatusCode().value();
                Map<String, Object> problem = ApiError.of(status, code(status), message(status)).problemBody();
                problem.put("instance", path);
                return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
            return answer;
        }
    }

    /** Tomcat's last word on an error nobody answered: a problem (JSON) instead of its HTML page. */
    static final class JsonErrorReportValve extends ErrorReportValve {

        JsonErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ApiError.of(status, code(status), message(status)).json());
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer has begun: nothing more can be said.
            }
        }
    }
}
