package org.csonline.onboarding.journey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drives the pages over real HTTP as a browser without JavaScript would: cookies, forms with their hidden CSRF
 * field, the button pressed, and redirects followed.
 */
final class Browser {

    private final String baseUrl;
    private final HttpClient http;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** What a web browser asks for, so error responses come as the pages people see. */
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    /**
     * A page as the browser shows it: where it ended up after redirects, its status and its HTML; {@code visited} is
     * every address on the way, the first request's included.
     */
    record Page(URI uri, int status, Document html, List<URI> visited) {

        String text() {
            return html.body().text();
        }

        String title() {
            return html.title();
        }

        String fieldValue(String name) {
            Element input = html.selectFirst("[name=" + name + "]");
            return input == null ? null : input.val();
        }

        String errorSummary() {
            Element summary = html.selectFirst(".govuk-error-summary");
            return summary == null ? "" : summary.text();
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Accept", ACCEPT_HTML).GET().build());
    }

    /**
     * Fills the form that contains the given button (or the page's only form when {@code button} is null), keeping
     * every field the page filled in (the CSRF token among them), and presses the button.
     */
    Page submit(Page page, String button, Map<String, String> fields) {
        Element form = button == null ? page.html().selectFirst("main form")
                : page.html().select("main form").stream()
                        .filter(f -> f.select("button").stream().anyMatch(b -> b.text().equals(button)))
                        .findFirst().orElse(null);
        if (form == null) {
            throw new AssertionError("No form with button '" + button + "' on " + page.uri() + ":\n" + page.text());
        }
        return submit(page, form, button, fields);
    }

    /** The first form the CSS selector finds, anywhere on the page (another site's page has no {@code main}). */
    Page submitForm(Page page, String css, Map<String, String> fields) {
        Element form = page.html().selectFirst(css);
        if (form == null) {
            throw new AssertionError("No form " + css + " on " + page.uri() + ":\n" + page.text());
        }
        return submit(page, form, null, fields);
    }

    private Page submit(Page page, Element form, String button, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input, select")) {
            String type = input.attr("type");
            if (input.hasAttr("name") && !type.equals("checkbox")) {
                values.put(input.attr("name"), input.tagName().equals("select") ? "" : input.val());
            }
        }
        values.putAll(fields);
        if (button != null) {
            Element pressed = form.select("button").stream().filter(b -> b.text().equals(button)).findFirst()
                    .orElseThrow();
            if (pressed.hasAttr("name")) {
                values.put(pressed.attr("name"), pressed.val());
            }
        }
        URI action = page.uri().resolve(form.attr("action"));
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", ACCEPT_HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Page submit(Page page, String button) {
        return submit(page, button, Map.of());
    }

    String getJson(String path) {
        try {
            return http.send(HttpRequest.newBuilder(resolve(path)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            List<URI> visited = new ArrayList<>();
            for (Optional<HttpResponse<String>> r = Optional.of(response); r.isPresent(); r = r.get().previousResponse()) {
                visited.addFirst(r.get().uri());
            }
            return new Page(response.uri(), response.statusCode(), Jsoup.parse(response.body(), response.uri().toString()),
                    List.copyOf(visited));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
