package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** A storefront's calls to the local API, with the default storefront key; loopback only, every wait bounded. */
final class ApiClient {

    private final String apiBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ApiClient(String apiBase) {
        this.apiBase = apiBase;
    }

    JsonNode startPayment(String orderId, String amount, String returnUrl) throws Exception {
        String body = Json.write(Map.of("orderId", orderId, "amount", amount, "currency", "EUR",
                "returnUrl", returnUrl));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase + "/payments"))
                .header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /payments answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** A storefront call with the storefront key: the JSON answer, which must have {@code status}. */
    JsonNode call(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase + path))
                .header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** Polls {@code GET path} (at most 30 s) until the condition holds; returns the last answer either way. */
    JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode n = call("GET", path, null, 200);
        while (!condition.test(n) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            n = call("GET", path, null, 200);
        }
        return n;
    }

    JsonNode payment(String paymentId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase + "/payments/" + paymentId))
                .header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /payments/" + paymentId + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** Polls GET /payments/{id} (at most 30 s) until the condition holds; returns the last answer either way. */
    JsonNode awaitPayment(String paymentId, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode p = payment(paymentId);
        while (!condition.test(p) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            p = payment(paymentId);
        }
        return p;
    }

    /** Polls GET /_local/events?id= (at most 30 s) until the event types published for the payment are these. */
    java.util.List<String> awaitEvents(String paymentId, java.util.List<String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        java.util.List<String> types = java.util.List.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase + LocalEvents.EVENTS_PATH
                    + "?id=" + paymentId)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            types = new java.util.ArrayList<>();
            for (JsonNode e : Json.MAPPER.readTree(r.body())) {
                types.add(e.path("detailType").asText());
            }
            if (types.equals(expected)) {
                break;
            }
            Thread.sleep(250);
        }
        return types;
    }

    /** GET, following at most {@code maxHops} redirects, each of which must stay on 127.0.0.1. */
    HttpResponse<String> getFollowingRedirects(String url, int maxHops, java.util.List<String> visited)
            throws Exception {
        URI uri = URI.create(url);
        for (int hop = 0; ; hop++) {
            if (!"127.0.0.1".equals(uri.getHost())) {
                throw new AssertionError("redirected off the machine: " + uri);
            }
            visited.add(uri.toString());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 3) {
                return r;
            }
            if (hop == maxHops) {
                throw new AssertionError("more than " + maxHops + " redirects: " + visited);
            }
            uri = uri.resolve(r.headers().firstValue("Location").orElseThrow());
        }
    }
}
