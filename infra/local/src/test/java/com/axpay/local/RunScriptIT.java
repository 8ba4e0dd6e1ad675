package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start, as a user runs it: infra/local/run, one payment with the HTTP shortcut, SIGTERM. */
class RunScriptIT {

    @Test
    void runStartsTheStackTakesAPaymentAndStopsCleanlyOnSigterm() throws Exception {
        StackProcess stack = StackProcess.start("run-script-it");
        try {
            String ready = stack.output().lines().filter(l -> l.startsWith("local stack ready")).findFirst()
                    .orElseThrow();
            assertTrue(ready.contains("storefront " + stack.apiBase() + "/"), ready);
            assertTrue(ready.contains("http://127.0.0.1:" + stack.simulatorPort + " (simulator)"), ready);
            assertTrue(ready.contains("dynamodb http://127.0.0.1:" + stack.dynamoDbPort + " (in memory)"), ready);
            assertEquals(0, stack.process().toHandle().descendants().count(), "one JVM, no child processes");

            ApiClient api = new ApiClient(stack.apiBase());
            String resultPage = stack.apiBase() + DemoStorefront.RESULT_PATH;
            JsonNode started = api.startPayment("readme-1", "12.50", resultPage);
            assertEquals("REDIRECTED", started.get("state").asText());
            String redirectUrl = started.get("redirectUrl").asText();
            assertTrue(redirectUrl.startsWith("http://127.0.0.1:" + stack.simulatorPort + "/pagam/pagam.aspx?"),
                    redirectUrl);

            List<String> visited = new ArrayList<>();
            HttpResponse<String> landing = api.getFollowingRedirects(redirectUrl + "&sim=success", 4, visited);
            assertEquals(200, landing.statusCode());
            assertTrue(visited.get(1).startsWith(stack.apiBase() + LocalStack.RETURN_OK_PATH + "?a="), visited.toString());
            String paymentId = started.get("paymentId").asText();
            assertTrue(visited.get(2).startsWith(resultPage + "?paymentId=" + paymentId), visited.toString());

            JsonNode payment = api.awaitPayment(paymentId, p -> p.has("shippingAddress"));
            assertEquals("CAPTURED", payment.get("state").asText(), payment.toString());
            assertEquals("12.50", payment.get("amount").asText());
            assertFalse(payment.get("shippingAddress").path("addressLine1").asText().isBlank(), payment.toString());

            String log = stack.output();
            assertTrue(log.contains("[api] POST /payments -> StartPaymentFunction 201"), log);
            assertTrue(log.contains("[api] GET /axerve/s2s -> AxerveNotificationFunction 200"), log);
            assertTrue(log.contains("\"message\":\"payment started\""), "the handlers' own structured logs");
            assertFalse(log.contains(StackProcess.STOREFRONT_KEY), "the storefront key is never logged");
        } finally {
            assertTrue(stack.stop(), "the stack ends on SIGTERM");
        }
        assertFalse(stack.process().isAlive());
        assertEquals(143, stack.process().exitValue(), "ended by the signal (128 + 15), after its shutdown hook");
        assertTrue(stack.output().contains("local stack: stopping"));
        for (int port : new int[] {stack.apiPort, stack.simulatorPort, stack.dynamoDbPort}) {
            assertTrue(StackProcess.portIsFree(port), "port " + port + " is free again");
        }
    }
}
