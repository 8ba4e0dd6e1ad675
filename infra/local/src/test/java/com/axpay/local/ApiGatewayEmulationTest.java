package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.axpay.local.fixture.ResponsesHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real HTTP against the emulator: what the handler receives, and what the client gets back. */
class ApiGatewayEmulationTest {

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static FixtureApi api;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        api = new FixtureApi(new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void clearRecorded() throws Exception {
        seen("EchoFunction").clear();
        seen("LiteralFunction").clear();
    }

    @SuppressWarnings("unchecked")
    private static BlockingQueue<Map<String, Object>> seen(String function) throws ReflectiveOperationException {
        return (BlockingQueue<Map<String, Object>>) api.handlerStatic(function, "SEEN");
    }

    private static Map<String, Object> nextSeen(String function) throws Exception {
        Map<String, Object> s = seen(function).poll(5, TimeUnit.SECONDS);
        assertNotNull(s, function + " was not invoked");
        return s;
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery));
    }

    @Test
    void getBecomesTheVersion2EventWithPathQueryCookiesAndHeaders() throws Exception {
        HttpResponse<byte[]> r = send(request("/items/abc%20def?x=1&x=2&flag&name=%C3%A9t%C3%A9+ok")
                .header("Cookie", "session=s1; theme=dark")
                .header("X-Custom", "v1").header("X-Custom", "v2")
                .header("User-Agent", "fixture-agent/1.0"));
        assertEquals(200, r.statusCode());
        assertEquals("echo", new String(r.body(), StandardCharsets.UTF_8));

        Map<String, Object> seen = nextSeen("EchoFunction");
        APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) seen.get("event");
        assertEquals("2.0", e.getVersion());
        assertEquals("GET /items/{itemId}", e.getRouteKey());
        assertEquals("/items/abc%20def", e.getRawPath());
        assertEquals("x=1&x=2&flag&name=%C3%A9t%C3%A9+ok", e.getRawQueryString());
        assertEquals(Map.of("itemId", "abc def"), e.getPathParameters());
        assertEquals(Map.of("x", "1,2", "flag", "", "name", "été ok"), e.getQueryStringParameters());
        assertEquals(List.of("session=s1", "theme=dark"), e.getCookies());
        assertFalse(e.getHeaders().containsKey("cookie"), "cookies travel in the cookies field only");
        assertEquals("v1,v2", e.getHeaders().get("x-custom"));
        assertEquals("fixture-agent/1.0", e.getHeaders().get("user-agent"));
        assertTrue(e.getHeaders().keySet().stream().allMatch(k -> k.equals(k.toLowerCase())), "lower-cased names");
        assertEquals("127.0.0.1", e.getHeaders().get("x-forwarded-for"));
        assertNull(e.getBody());
        assertFalse(e.getIsBase64Encoded());

        APIGatewayV2HTTPEvent.RequestContext c = e.getRequestContext();
        assertEquals("GET", c.getHttp().getMethod());
        assertEquals("/items/abc%20def", c.getHttp().getPath());
        assertEquals("HTTP/1.1", c.getHttp().getProtocol());
        assertEquals("127.0.0.1", c.getHttp().getSourceIp());
        assertEquals("fixture-agent/1.0", c.getHttp().getUserAgent());
        assertEquals("GET /items/{itemId}", c.getRouteKey());
        assertEquals("$default", c.getStage());
        assertEquals("123456789012", c.getAccountId());
        assertEquals("local", c.getApiId());
        assertEquals("127.0.0.1:" + api.server.port(), c.getDomainName());
        assertEquals(r.headers().firstValue("apigw-requestid").orElseThrow(), c.getRequestId());
        assertTrue(c.getTime().matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"), c.getTime());
        assertTrue(c.getTimeEpoch() > 0 && c.getTimeEpoch() <= System.currentTimeMillis());
    }

    @Test
    void handlerRunsWithItsOwnClassLoaderAndALambdaContext() throws Exception {
        send(request("/items/1"));
        Map<String, Object> seen = nextSeen("EchoFunction");
        assertEquals("EchoFunction", seen.get("functionName"));
        int remaining = (Integer) seen.get("remainingMillis");
        assertTrue(remaining > 0 && remaining <= 10_000, "Timeout: 10 from Globals, got " + remaining);
        assertEquals(true, seen.get("contextLoaderIsOwn"));
        assertTrue(api.functions.get("EchoFunction").handlerClass().getClassLoader()
                != com.axpay.local.fixture.EchoHandler.class.getClassLoader(), "loaded from its CodeUri");
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("fixture echo handled GET /items/{itemId}"),
                "the context's logger writes to the stack's log");
    }

    @Test
    void warmInstanceIsReusedForSequentialRequests() throws Exception {
        send(request("/items/1"));
        int before = ((java.util.concurrent.atomic.AtomicInteger) api.handlerStatic("EchoFunction", "INSTANCES")).get();
        send(request("/items/2"));
        send(request("/items/3"));
        assertEquals(before, ((java.util.concurrent.atomic.AtomicInteger)
                api.handlerStatic("EchoFunction", "INSTANCES")).get());
    }

    @Test
    void jsonBodyIsPassedAsText() throws Exception {
        send(request("/items").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"caffè\"}")));
        APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) nextSeen("EchoFunction").get("event");
        assertEquals("POST /items", e.getRouteKey());
        assertEquals("{\"name\":\"caffè\"}", e.getBody());
        assertFalse(e.getIsBase64Encoded());
        assertNull(e.getPathParameters());
        assertNull(e.getQueryStringParameters());
        assertEquals("", e.getRawQueryString());
    }

    @Test
    void binaryAndFormBodiesAreBase64Encoded() throws Exception {
        byte[] bytes = ResponsesHandler.binaryBody();
        send(request("/items").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) nextSeen("EchoFunction").get("event");
        assertTrue(e.getIsBase64Encoded());
        assertArrayEquals(bytes, Base64.getDecoder().decode(e.getBody()));

        send(request("/items").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=%C3%A9")));
        APIGatewayV2HTTPEvent form = (APIGatewayV2HTTPEvent) nextSeen("EchoFunction").get("event");
        assertTrue(form.getIsBase64Encoded());
        assertEquals("a=1&b=%C3%A9", new String(Base64.getDecoder().decode(form.getBody()), StandardCharsets.UTF_8));
    }

    @Test
    void literalRouteWinsAndGreedyRouteTakesTheRest() throws Exception {
        send(request("/items/special"));
        assertEquals("literal", nextSeen("LiteralFunction").get("handler"));
        send(request("/files/docs/2024/report.pdf").method("PUT", HttpRequest.BodyPublishers.noBody()));
        APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) nextSeen("EchoFunction").get("event");
        assertEquals("ANY /files/{proxy+}", e.getRouteKey());
        assertEquals("PUT", e.getRequestContext().getHttp().getMethod());
        assertEquals(Map.of("proxy", "docs/2024/report.pdf"), e.getPathParameters());
    }

    @Test
    void base64ResponseBodyIsDecoded() throws Exception {
        HttpResponse<byte[]> r = send(request("/responses/binary"));
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("content-type").orElseThrow());
        assertArrayEquals(ResponsesHandler.binaryBody(), r.body());
    }

    @Test
    void cookiesBecomeSetCookieAndMultiValueHeadersRepeat() throws Exception {
        HttpResponse<byte[]> r = send(request("/responses/cookies"));
        assertEquals(201, r.statusCode());
        assertEquals(List.of("session=abc; Path=/; HttpOnly", "theme=dark"), r.headers().allValues("set-cookie"));
        assertEquals(List.of("first", "second"), r.headers().allValues("x-multi"));
        assertEquals("one", r.headers().firstValue("x-single").orElseThrow());
        assertEquals("{\"created\":true}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void redirectIsPassedThroughUnfollowed() throws Exception {
        HttpResponse<byte[]> r = send(request("/responses/redirect"));
        assertEquals(303, r.statusCode());
        assertEquals("/somewhere", r.headers().firstValue("location").orElseThrow());
    }

    @Test
    void plainReturnValueBecomesA200JsonResponse() throws Exception {
        HttpResponse<byte[]> r = send(request("/inferred"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("world", Json.MAPPER.readTree(r.body()).get("hello").asText());
    }

    @Test
    void handlerFailureAndInvalidStatusAreApiGatewaysInternalServerError() throws Exception {
        for (String path : List.of("/fail", "/responses/no-status")) {
            HttpResponse<byte[]> r = send(request(path));
            assertEquals(500, r.statusCode(), path);
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertEquals("Internal Server Error", body.get("message").asText(), path);
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("internal detail"));
        }
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("fixture failure with internal detail"),
                "the error goes to the function's log");
    }

    @Test
    void unknownRoutesAndMethodsAreApiGateways404() throws Exception {
        for (HttpRequest.Builder b : List.of(request("/nothing/here"), request("/items").DELETE(),
                request("/items/1/extra"))) {
            HttpResponse<byte[]> r = send(b);
            assertEquals(404, r.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachRequestIsLoggedWithFunctionRouteStatusAndLatency() throws Exception {
        send(request("/inferred?token=do-not-log"));
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s).*\\[api] GET /inferred -> InferredFunction 200 \\d+ ms.*"), log);
        assertFalse(log.contains("do-not-log"), "query strings may carry secrets; they are not logged");
    }
}
