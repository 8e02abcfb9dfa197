package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** The OpenAPI document and Swagger UI, read over real HTTP as a signed-in user and as a script would. */
@PortalTest
class ApiDocumentationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.shared();

    Browser signedIn(Role role) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(fixtures.user(role).username(), Fixtures.PASSWORD)).isTrue();
        return browser;
    }

    JsonNode document() {
        HttpResponse<String> response = signedIn(Role.EXECUTIVE).getJson("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Every API handler the portal maps, as "GET /api/organisations/{id}". */
    List<String> apiHandlers() {
        List<String> operations = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s declares its HTTP method", path).isNotEmpty();
                    methods.forEach(m -> operations.add(m.name() + " " + path));
                }
            }
        });
        return operations;
    }

    @Test
    void everyApiHandlerIsInTheDocumentWithItsSchemasAndErrors() {
        JsonNode api = document();
        assertThat(api.path("openapi").asString()).startsWith("3.1");
        assertThat(api.path("info").path("title").asString()).isEqualTo("MPEM assessment portal API");

        List<String> handlers = apiHandlers();
        assertThat(handlers).as("the portal's API handlers").hasSizeGreaterThan(30)
                .contains("PUT /api/assessments/{id}/ratings/{dimensionCode}", "GET /api/model");
        Set<String> documented = new TreeSet<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        // A handler added without being documented (or hidden from springdoc) fails here, by name.
        assertThat(documented).containsAll(handlers);
        assertThat(documented).allMatch(operation -> operation.contains(" /api/"));

        // Request and response schemas: saving a rating takes and answers named objects.
        JsonNode save = api.at("/paths/~1api~1assessments~1{id}~1ratings~1{dimensionCode}/put");
        String request = save.at("/requestBody/content/application~1json/schema/$ref").asString();
        String answer = save.at("/responses/200/content/application~1json/schema/$ref").asString();
        assertThat(request).startsWith("#/components/schemas/");
        assertThat(answer).startsWith("#/components/schemas/");
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(names(schemas.path(request.substring(request.lastIndexOf('/') + 1)).path("properties")))
                .contains("current", "target", "notes", "version");
        assertThat(names(schemas.path(answer.substring(answer.lastIndexOf('/') + 1)).path("properties")))
                .contains("dimension", "current", "target");
        assertThat(names(schemas)).contains("Problem", "FieldProblem");

        // Errors: every operation says how it fails, with the problem body.
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode responses = entry.getValue().path("responses");
            assertThat(entry.getValue().path("summary").asString()).as(operation + " has a summary").isNotBlank();
            assertThat(entry.getValue().path("tags")).as(operation + " has a tag").isNotEmpty();
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as(operation + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
            boolean open = operation.endsWith("/votes") || operation.endsWith("/participants");
            assertThat(responses.has("401")).as(operation + " answers 401").isEqualTo(!open);
            assertThat(responses.has("404")).as(operation + " answers 404").isEqualTo(path.getKey().contains("{"));
        }));
        assertThat(names(schemas.path("Problem").path("properties")))
                .contains("title", "status", "detail", "error", "message", "field", "errors");
    }

    @Test
    void theDocumentNamesHowToAuthenticate() {
        JsonNode api = document();
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.path("apiToken").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
        assertThat(api.path("security").toString()).contains("apiToken", "basicAuth");
        // Joining a workshop and voting need no account: their operations say so.
        JsonNode vote = api.at("/paths/~1api~1workshops~1{joinCode}~1votes/post");
        assertThat(vote.path("security").isArray()).isTrue();
        assertThat(vote.path("security")).isEmpty();
        assertThat(api.at("/paths/~1api~1model/get").has("security")).isFalse();
    }

    @Test
    void onlySignedInUsersReadTheDocumentAndSwaggerUi() throws Exception {
        // A script without credentials: 401 with the problem body.
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(anonymous.body()).path("error").asString()).isEqualTo("UNAUTHORIZED");

        // A script with the account's password.
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String basic = Base64.getEncoder().encodeToString((consultant.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("\"/api/model\"");

        // A browser that is not signed in is sent to sign in.
        HttpResponse<String> browser = http.send(HttpRequest.newBuilder(URI.create(base() + "/swagger-ui/index.html"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElse("")).endsWith("/login");

        // Signed in: Swagger UI, pointed at the portal's document.
        Browser executive = signedIn(Role.EXECUTIVE);
        HttpResponse<String> ui = executive.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        HttpResponse<String> config = executive.getJson("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json.readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");
        HttpResponse<String> entry = executive.get("/swagger-ui.html");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location").orElse("")).endsWith("/swagger-ui/index.html");
    }

    /**
     * Swagger UI brings a WebJars locator, with which Spring Boot turns on its resource chain by
     * itself: every link on every page was then looked up as a static file in every jar (two thirds
     * of a simple page's CPU). Swagger UI's own files and the portal's still load without it.
     */
    @Test
    void swaggerUiDoesNotMakeEveryLinkALookupForAStaticFile(
            @Autowired org.springframework.web.context.WebApplicationContext context) {
        assertThat(context.getServletContext().getFilterRegistrations().values())
                .extracting(jakarta.servlet.FilterRegistration::getClassName)
                .as("the filters every page passes").contains("dev.mpem.portal.security.SessionVersionCookie")
                .doesNotContain(org.springframework.web.servlet.resource.ResourceUrlEncodingFilter.class.getName());
        Browser executive = signedIn(Role.EXECUTIVE);
        HttpResponse<String> bundle = executive.get("/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        HttpResponse<String> page = executive.get("/model");
        assertThat(page.body()).contains("href=\"/css/portal.css\"");
        assertThat(executive.get("/css/portal.css").statusCode()).isEqualTo(200);
    }

    @Test
    void swaggerUiAloneAllowsInlineStyles() {
        Browser executive = signedIn(Role.EXECUTIVE);
        String ui = executive.get("/swagger-ui/index.html").headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(ui).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
        for (String page : List.of("/", "/model", "/account/password")) {
            String csp = executive.get(page).headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(page).contains("style-src 'self';", "script-src 'self';").doesNotContain("unsafe");
        }
        HttpResponse<String> login = new Browser(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("unsafe");
    }

    /**
     * springdoc names a schema after its class's simple name: two API types of the same name (a
     * report's DimensionJson and the model's) would be documented as one. Each must have its own.
     */
    @Test
    void everyTypeTheApiTakesOrAnswersHasASchemaOfItsOwnName() {
        java.util.Map<String, Class<?>> named = new java.util.HashMap<>();
        Set<java.lang.reflect.Type> seen = new java.util.HashSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (mapping.getPatternValues().stream().noneMatch(path -> path.startsWith("/api/"))) {
                return;
            }
            List<java.lang.reflect.Type> types = new ArrayList<>();
            types.add(method.getMethod().getGenericReturnType());
            for (var parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                        || parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)) {
                    types.add(parameter.getGenericParameterType());
                }
            }
            types.forEach(type -> walk(type, seen, named));
        });
        assertThat(named).containsKeys("ModelDimension", "ReportDimension", "PortfolioDimension", "HistoryRating",
                "RatingJson");
        assertThat(document().path("components").path("schemas").has("ReportDimension")).isTrue();
    }

    private static void walk(java.lang.reflect.Type type, Set<java.lang.reflect.Type> seen,
            java.util.Map<String, Class<?>> named) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, seen, named);
            }
            walk(parameterized.getRawType(), seen, named);
            return;
        }
        if (!(type instanceof Class<?> cls) || !cls.getName().startsWith("dev.mpem.portal.") || cls.isEnum()) {
            return;
        }
        io.swagger.v3.oas.annotations.media.Schema schema = cls.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
        Class<?> other = named.putIfAbsent(name, cls);
        assertThat(other == null || other == cls).as("schema %s is both %s and %s: give one a @Schema(name)",
                name, other, cls.getName()).isTrue();
        if (cls.isRecord()) {
            for (var component : cls.getRecordComponents()) {
                walk(component.getGenericType(), seen, named);
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }
}
