package dev.mpem.portal.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
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
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.WebRequest;

/**
 * Error answers for requests that never reach a controller, so that the API answers every error in
 * its own JSON shape: an address or method nothing handles, a request refused by the security
 * firewall (Spring Boot's error handling), and a request Tomcat refuses before any servlet sees it
 * (an address with {@code %00}, an encoded slash or a broken escape).
 */
@Configuration(proxyBeanMethods = false)
class ErrorBodies {

    @Bean
    DefaultErrorAttributes errorAttributes() {
        return new ApiErrorAttributes();
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
            case 400 -> "The request is not valid: check its address, parameters and body.";
            case 404 -> "Nothing is found at this address.";
            case 405 -> "This address does not accept this request method.";
            case 406 -> "This address answers application/json only.";
            case 413 -> "The request is too large.";
            case 415 -> "Send the request body as application/json.";
            default -> status >= 500 ? "The portal could not complete the request. Nothing was half-saved; please try again."
                    : "The request could not be handled.";
        };
    }

    static String code(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    /** Under /api/: {@code error} is a code like the API's own ({@code NOT_FOUND}) and there is a {@code message}. */
    static final class ApiErrorAttributes extends DefaultErrorAttributes {

        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes = super.getErrorAttributes(request, options);
            if (attributes.get("path") instanceof String path && path.startsWith("/api/")
                    && attributes.get("status") instanceof Integer status) {
                attributes.put("error", code(status));
                attributes.put("message", message(status));
            }
            return attributes;
        }
    }

    /** Tomcat's last word on an error nobody answered: JSON instead of its HTML page. */
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
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"status\":" + status + ",\"error\":\"" + code(status) + "\",\"message\":\""
                            + message(status) + "\"}");
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer has begun: nothing more can be said.
            }
        }
    }
}
