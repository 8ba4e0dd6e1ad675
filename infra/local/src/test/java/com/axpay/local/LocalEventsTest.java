package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local event bus: PutEvents as the EventBridge SDK client sends it, and GET /_local/events. */
class LocalEventsTest {

    private final LocalEvents events = new LocalEvents();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            try (ex) {
                if (!events.handle(ex)) {
                    ex.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void recordsPublishedEventsAndListsThemByPayment() throws Exception {
        HttpResponse<String> put = putEvents("""
                {"Entries":[
                 {"EventBusName":"bus","Source":"com.axpay.payments","DetailType":"Payment Captured",
                  "Detail":"{\\"eventId\\":\\"pay_1-v4\\",\\"paymentId\\":\\"pay_1\\",\\"state\\":\\"CAPTURED\\"}"},
                 {"EventBusName":"bus","Source":"com.axpay.payments","DetailType":"Payment Declined",
                  "Detail":"{\\"eventId\\":\\"pay_2-v3\\",\\"paymentId\\":\\"pay_2\\",\\"state\\":\\"DECLINED\\"}"}]}
                """, "AWSEvents.PutEvents");
        assertEquals(200, put.statusCode());
        assertEquals(0, Json.MAPPER.readTree(put.body()).path("FailedEntryCount").asInt(-1));
        assertEquals(2, Json.MAPPER.readTree(put.body()).path("Entries").size());

        JsonNode all = get(LocalEvents.EVENTS_PATH);
        assertEquals(2, all.size());
        JsonNode one = get(LocalEvents.EVENTS_PATH + "?id=pay_1");
        assertEquals(1, one.size());
        assertEquals("Payment Captured", one.get(0).path("detailType").asText());
        assertEquals("pay_1-v4", one.get(0).path("detail").path("eventId").asText());
        assertEquals("com.axpay.payments", one.get(0).path("source").asText());
    }

    @Test
    void onlyPutEventsIsEmulated() throws Exception {
        assertEquals(400, putEvents("{}", "AWSEvents.ListRules").statusCode());
        assertEquals(0, get(LocalEvents.EVENTS_PATH).size());
    }

    private HttpResponse<String> putEvents(String body, String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + LocalEvents.PUT_PATH + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
