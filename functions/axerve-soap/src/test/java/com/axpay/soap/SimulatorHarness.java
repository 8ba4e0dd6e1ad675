package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Axerve simulator (infra/axerve-simulator) in-process on a free loopback port, driven like a test would drive
 * the real sandbox: merchants and faults through its admin API, payments through its payment page. As a test
 * class's static {@code @RegisterExtension} field it is closed after the class's tests.
 */
final class SimulatorHarness implements AutoCloseable, AfterAllCallback {
    static final String POSITIVE_URL = "http://127.0.0.1:9/ok";
    static final String NEGATIVE_URL = "http://127.0.0.1:9/ko";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final AxerveSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SimulatorHarness() {
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0).positiveUrl(POSITIVE_URL)
                .negativeUrl(NEGATIVE_URL));
    }

    AxerveSimulator simulator() {
        return sim;
    }

    /** A config for this simulator, with a short read timeout so a stuck test ends quickly. */
    AxerveConfig.Builder config(String shopLogin) {
        return AxerveConfig.builder().environment(AxerveEnvironment.custom(URI.create(sim.baseUrl())))
                .shopLogin(shopLogin).readTimeout(Duration.ofSeconds(5));
    }

    /** A shopTransactionId unique in this JVM, made only of characters Axerve accepts. */
    static String newId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    void putMerchant(String shopLogin, String profileJson) {
        JsonNode answer = admin("PUT", "/_sim/merchants/" + shopLogin, profileJson);
        assertEquals(shopLogin, answer.path("shopLogin").asText());
    }

    void addFault(String json) {
        admin("POST", "/_sim/faults", json);
    }

    void clearFaults() {
        admin("DELETE", "/_sim/faults", null);
    }

    void tokenMode(String token, String mode) {
        admin("PUT", "/_sim/tokens/" + token + "/mode", "{\"mode\":\"" + mode + "\"}");
    }

    void orderReferenceScenario(String orderReferenceId, String scenario) {
        admin("PUT", "/_sim/order-references/" + orderReferenceId, "{\"scenario\":\"" + scenario + "\"}");
    }

    /**
     * The buyer's part: opens the payment page for the Encrypt result with {@code &sim=<scenario>} and returns the
     * {@code b} the simulator redirects to the merchant's positive or negative URL with.
     */
    String buyerCompletes(AxerveClient client, String cryptDecryptString, String scenario, boolean positive) {
        URI page = URI.create(client.paymentPageUrl(cryptDecryptString) + "&sim=" + scenario);
        HttpResponse<String> r = send(HttpRequest.newBuilder(page).GET());
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith((positive ? POSITIVE_URL : NEGATIVE_URL) + "?a="
                + client.config().shopLogin() + "&b="), location);
        return URLDecoder.decode(location.substring(location.indexOf("&b=") + 3), StandardCharsets.UTF_8);
    }

    /** Encrypt, payment page with the scenario, Decrypt of the returned {@code b}: the whole page flow. */
    AxerveResult payOnPage(AxerveClient client, EncryptRequest request, String scenario, boolean positive) {
        EncryptResult encrypted = client.encrypt(request);
        return client.decrypt(buyerCompletes(client, encrypted.cryptDecryptString(), scenario, positive));
    }

    private JsonNode admin(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        HttpResponse<String> r = send(b);
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        sim.close();
    }
}
