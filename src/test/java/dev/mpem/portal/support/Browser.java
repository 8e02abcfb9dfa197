package dev.mpem.portal.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client that behaves like a browser: keeps cookies and sends forms with their CSRF token. */
public final class Browser {

    /** The portal's session cookie (Spring Session keeps sessions in the database). */
    public static final String SESSION_COOKIE = "SESSION";

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public Browser(int port) {
        this("http://localhost:" + port);
    }

    public Browser(String base) {
        this(base, new CookieManager());
    }

    /** A browser tab on another server that shares this browser's cookies (another instance of the portal). */
    public Browser sameCookiesOn(int port) {
        return new Browser("http://localhost:" + port, cookies);
    }

    private Browser(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form from the page at {@code formPage}, with that page's CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).body();
        Map<String, String> all = new LinkedHashMap<>(fields);
        var csrf = Html.of(page).selectFirst("input[name=_csrf]");
        if (csrf != null) {
            all.put("_csrf", csrf.val());
        }
        return post(action, all);
    }

    /** Posts form fields as a browser would (the caller supplies any CSRF token). */
    public HttpResponse<String> post(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in through the sign-in page; true when the portal accepted the credentials. */
    public boolean signIn(String username, String password) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("username", username, "password", password));
        return response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("/login?error");
    }

    /** The server-sent events of {@code path}, with this browser's cookies. */
    public EventStream events(String path) {
        return new EventStream(http, URI.create(base + path));
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
