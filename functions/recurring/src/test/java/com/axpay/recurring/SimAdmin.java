package com.axpay.recurring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The simulator's admin API over HTTP: faults and token modes. */
final class SimAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SimAdmin(String base) {
        this.base = base;
    }

    void fault(String json) throws Exception {
        send("POST", "/_sim/faults", json);
    }

    void clearFaults() throws Exception {
        send("DELETE", "/_sim/faults", "");
    }

    void tokenMode(String token, String mode, int times) throws Exception {
        send("PUT", "/_sim/tokens/" + token + "/mode", "{\"mode\":\"" + mode + "\",\"times\":" + times + "}");
    }

    /** Makes callPagamS2S with this Amazon Order Reference Id (transKey) end as {@code scenario}. */
    void orderReference(String id, String scenario) throws Exception {
        send("PUT", "/_sim/order-references/" + id, "{\"scenario\":\"" + scenario + "\"}");
    }

    /** The token's state at the simulator: "active", or "disabled" once deleted. */
    String tokenState(String token) throws Exception {
        String body = send("GET", "/_sim/tokens/" + token, "");
        return (String) com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(body).get("state");
    }

    private String send(String method, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
