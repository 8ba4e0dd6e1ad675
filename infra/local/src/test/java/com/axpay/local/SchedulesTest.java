package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulesTest {

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static FixtureApi api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        api = new FixtureApi(new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rateExpressionsAreParsedAsEventBridgeAcceptsThem() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), Schedules.period("rate(5 minutes)"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), Schedules.period("rate(1 minute)"));
        assertEquals(Optional.of(Duration.ofHours(2)), Schedules.period(" rate( 2 hours ) "));
        assertEquals(Optional.of(Duration.ofDays(1)), Schedules.period("rate(1 day)"));
        assertEquals(Optional.empty(), Schedules.period("rate(1 minutes)"));
        assertEquals(Optional.empty(), Schedules.period("rate(5 minute)"));
        assertEquals(Optional.empty(), Schedules.period("rate(0 minutes)"));
        assertEquals(Optional.empty(), Schedules.period("cron(0 3 * * ? *)"));
    }

    @Test
    void firingAScheduleAnswersWithTheFunctionsResult() throws Exception {
        HttpResponse<String> r = post("/_local/schedules/TickFunction");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode result = Json.MAPPER.readTree(r.body());
        assertEquals("aws.events", result.get("source").asText());
        assertEquals("Scheduled Event", result.get("detailType").asText());
        assertEquals("arn:aws:events:eu-south-1:123456789012:rule/TickFunction-Every",
                result.get("resources").get(0).asText());
        assertTrue(result.get("hasTime").asBoolean());
        assertEquals("TickFunction", result.get("function").asText());
        int run = result.get("run").asInt();
        assertEquals(run + 1, Json.MAPPER.readTree(post("/_local/schedules/TickFunction").body()).get("run").asInt());
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("[schedule] TickFunction/Every rate(5 minutes) -> ok"));
    }

    @Test
    void configuredInputIsDeliveredInsteadOfTheEnvelope() throws Exception {
        HttpResponse<String> r = post("/_local/schedules/InputFunction");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"got\":{\"job\":\"sweep\",\"limit\":10}}", r.body());
    }

    @Test
    void namedEventIsFiredEvenWhenDisabled() throws Exception {
        HttpResponse<String> r = post("/_local/schedules/TickFunction?event=Nightly");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("arn:aws:events:eu-south-1:123456789012:rule/TickFunction-Nightly",
                Json.MAPPER.readTree(r.body()).get("resources").get(0).asText());
    }

    @Test
    void unknownFunctionIs404AndTheListShowsWhatIsTimed() throws Exception {
        assertEquals(404, post("/_local/schedules/NoSuchFunction").statusCode());
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/_local/schedules"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode all = Json.MAPPER.readTree(list.body());
        assertEquals(3, all.size());
        assertTrue(all.get(0).get("timed").asBoolean());
        assertEquals(false, all.get(1).get("timed").asBoolean(), "disabled cron: no local timer");
    }
}
