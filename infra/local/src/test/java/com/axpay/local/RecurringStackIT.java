package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewals on the whole local stack, as a merchant watches them: an onlyrecurring payment gets its token, the
 * schedule enqueues the due cycle into ElasticMQ and the worker charges it; POST /_local/clock moves a month on and
 * the next cycle is charged, once.
 */
class RecurringStackIT {

    @Test
    void aMonthOnTheTestClockRenewsTheAgreementThroughTheQueue() throws Exception {
        StackProcess stack = StackProcess.start("recurring-it");
        try {
            ApiClient api = new ApiClient(stack.apiBase());
            String resultPage = stack.apiBase() + DemoStorefront.RESULT_PATH;
            JsonNode started = api.call("POST", "/payments", "{\"orderId\":\"sub-1\",\"amount\":\"9.90\","
                    + "\"currency\":\"EUR\",\"returnUrl\":\"" + resultPage + "\",\"recurring\":{\"mode\":"
                    + "\"onlyrecurring\",\"plan\":{\"amount\":\"9.90\",\"currency\":\"EUR\",\"interval\":\"P1M\"}}}",
                    201);
            String agreementId = started.get("agreementId").asText();
            api.getFollowingRedirects(started.get("redirectUrl").asText() + "&sim=success", 4, new ArrayList<>());
            String path = "/agreements/" + agreementId;
            JsonNode agreement = tryGet(stack, path);
            for (int i = 0; i < 120 && agreement.path("state").isMissingNode(); i++) {
                Thread.sleep(250); // the S2S notification creates it
                agreement = tryGet(stack, path);
            }
            assertEquals("ACTIVE", agreement.get("state").asText(), agreement.toString());
            assertEquals("TOKENIZED", api.payment(started.get("paymentId").asText()).get("state").asText());

            fireSchedule(stack);
            agreement = api.await(path, a -> a.get("cyclesCharged").asInt() == 1);
            assertEquals(1, agreement.get("cyclesCharged").asInt(), agreement.toString());

            fireSchedule(stack); // not due again yet
            JsonNode clock = api.call("POST", ApiServer.CLOCK_PATH, "{\"advance\":\"P1M\"}", 200);
            assertTrue(clock.get("offset").asText().startsWith("PT"), clock.toString());
            fireSchedule(stack);
            agreement = api.await(path, a -> a.get("cyclesCharged").asInt() == 2);
            assertEquals(2, agreement.get("cyclesCharged").asInt(), agreement.toString());
            assertEquals(2, agreement.get("charges").size(), "one charge per cycle: " + agreement);
            assertTrue(stack.output().contains("local stack: queue ChargeQueue -> ChargeWorkerFunction"));
        } finally {
            assertTrue(stack.stop(), "the stack ends on SIGTERM");
        }
    }

    private static JsonNode tryGet(StackProcess stack, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiBase()
                + path)).header("Authorization", "Bearer " + StackProcess.STOREFRONT_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }

    private static void fireSchedule(StackProcess stack) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiBase()
                + ApiServer.SCHEDULES_PATH + "/RecurringScheduleFunction")).POST(HttpRequest.BodyPublishers
                .noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
