package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code LAMBDA_RUNTIME=process infra/local/run}: each function in a JVM of its own under Lambda's runtime client,
 * started by its first request, reused while warm, stopped when idle, and gone with the stack.
 */
class ProcessModeIT {

    @Test
    void paymentsFlowThroughFunctionsRunningInTheirOwnJvms() throws Exception {
        StackProcess stack = StackProcess.start("process-mode-it",
                Map.of("LAMBDA_RUNTIME", "process", "LAMBDA_IDLE_SECONDS", "6"));
        List<ProcessHandle> children;
        try {
            assertTrue(stack.output().contains("local stack: process mode"), stack.output());
            assertEquals(0, stack.process().toHandle().descendants().count(), "no function runs before a request");

            // every first request waits for a cold start: on a loaded 2-core machine that can take tens of seconds
            SlowApi api = new SlowApi(stack.apiBase());
            JsonNode started = api.startPayment("process-1", "8.40", stack.apiBase() + DemoStorefront.RESULT_PATH);
            assertEquals("REDIRECTED", started.get("state").asText(), started.toString());
            assertTrue(stack.output().contains("[StartPaymentFunction] cold start: JVM "), stack.output());
            children = stack.process().toHandle().descendants().toList();
            assertFalse(children.isEmpty(), "the function runs in a child JVM");

            // the buyer pays: Axerve's S2S call starts the notification function's JVM
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    started.get("redirectUrl").asText() + "&sim=success")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.statusCode() / 100 == 3, "the payment page sends the buyer back: " + page.statusCode());
            String paymentId = started.get("paymentId").asText();
            JsonNode paid = api.awaitPayment(paymentId, p -> p.path("state").asText().equals("CAPTURED"));
            assertEquals("8.40", paid.get("amount").asText());
            api.awaitPayment(paymentId, p -> p.path("state").asText().equals("CAPTURED"));
            String log = stack.output();
            assertEquals(1, count(log, "[GetPaymentFunction] cold start: JVM "), "the second GET reused the warm JVM");
            assertTrue(log.contains("[AxerveNotificationFunction] cold start: JVM "), log);
            assertTrue(log.contains("[api] GET /axerve/s2s -> AxerveNotificationFunction 200"), log);
            assertFalse(log.contains(StackProcess.STOREFRONT_KEY), "the storefront key is never logged");

            // idle environments are stopped, and a new request starts one again
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!stack.output().contains("[GetPaymentFunction] stopped after 6 s idle")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(stack.output().contains("[GetPaymentFunction] stopped after 6 s idle"), stack.output());
            assertEquals("CAPTURED", api.awaitPayment(paymentId, p -> true).path("state").asText());
            assertEquals(2, count(stack.output(), "[GetPaymentFunction] cold start: JVM "), "a cold start again");
            children = stack.process().toHandle().descendants().toList();
        } finally {
            assertTrue(stack.stop(), "the stack ends on SIGTERM");
        }
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "function JVM " + child.pid() + " stopped with the stack");
        }
    }

    /** The storefront API with timeouts that leave room for cold starts. */
    private record SlowApi(String base) {
        static final Duration WAIT = Duration.ofSeconds(180);
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        JsonNode startPayment(String orderId, String amount, String returnUrl) throws Exception {
            String body = "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                    + "\"returnUrl\":\"" + returnUrl + "\"}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/payments"))
                    .header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY)
                    .header("Content-Type", "application/json").timeout(WAIT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            return Json.MAPPER.readTree(r.body());
        }

        JsonNode awaitPayment(String paymentId, java.util.function.Predicate<JsonNode> done) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonNode last = null;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/payments/" + paymentId))
                        .header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY).timeout(WAIT).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                last = Json.MAPPER.readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("payment " + paymentId + " not as expected within " + WAIT + ": " + last);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
