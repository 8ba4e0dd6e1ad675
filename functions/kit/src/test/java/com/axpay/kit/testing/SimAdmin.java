package com.axpay.kit.testing;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The simulator's admin API (/_sim/...) over HTTP, as a person or script would use it. */
public final class SimAdmin {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SimAdmin(String base) {
        this.base = base + "/_sim";
    }

    /** A fault rule: kind, operation, delayMs, times, process (see the simulator's README). */
    public void fault(Map<String, Object> rule) {
        send("POST", "/faults", rule);
    }

    /** A fault rule written as JSON. */
    public void fault(String json) {
        try {
            fault(JSON.std.mapFrom(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The fault rules still active: a rule with {@code times} leaves this list once its last call used it. */
    public List<Object> faults() {
        try {
            return JSON.std.listFrom(send("GET", "/faults", null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    /** Notification behaviour: delayMs, duplicates, reorder, retryIntervalMs, maxAttempts (absent = unchanged). */
    public void notifyOptions(Map<String, Object> options) {
        send("PUT", "/notify-options", options);
    }

    public void putMerchant(Map<String, Object> profile) {
        send("PUT", "/merchants/" + profile.get("shopLogin"), profile);
    }

    /** The next {@code times} charges of this token end as {@code mode} (a decline scenario). */
    public void tokenMode(String token, String mode, int times) {
        send("PUT", "/tokens/" + token + "/mode", Map.of("mode", mode, "times", times));
    }

    /** Makes callPagamS2S with this Amazon Order Reference Id (transKey) end as {@code scenario}. */
    public void orderReference(String id, String scenario) {
        send("PUT", "/order-references/" + id, Map.of("scenario", scenario));
    }

    /** The token's state at the simulator: "active", or "disabled" once deleted. */
    public String tokenState(String token) {
        try {
            return (String) JSON.std.mapFrom(send("GET", "/tokens/" + token, null)).get("state");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every transaction the simulator holds (Encrypt creates one). */
    public List<Object> allTransactions() {
        try {
            return JSON.std.listFrom(send("GET", "/transactions", null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's transactions with this shopTransactionId. */
    public List<Object> transactions(String shopTransactionId) {
        try {
            return JSON.std.listFrom(send("GET", "/transactions?shopTransactionId=" + shopTransactionId, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, Map<String, Object> body) {
        try {
            HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.std.asString(body));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .method(method, p).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
