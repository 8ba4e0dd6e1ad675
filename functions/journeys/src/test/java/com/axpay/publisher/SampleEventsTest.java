package com.axpay.publisher;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.ProjectFiles;
import com.axpay.payments.handlers.CancelPaymentHandler;
import com.axpay.payments.handlers.RefundPaymentHandler;
import com.axpay.payments.stack.PaymentStack.S2sMode;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import com.axpay.publisher.OutboxPublisherHandler;
import com.axpay.simulator.NotificationView;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbOutbox;
import com.axpay.store.dynamodb.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files in events/ load with the Lambda runtime's own serializers (aws-lambda-java-tests) into the type their
 * handler takes, have the shape API Gateway and EventBridge deliver, and run against the test stack. Axerve's
 * {@code b} is a one-time handle, so the runs swap in a live one of the same kind.
 */
class SampleEventsTest extends WithPaymentStack {

    /** Every sample and the route it is for ("schedule" for the reconciler). */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("start-payment.json", "POST /payments"),
            Map.entry("start-payment-bad-body.json", "POST /payments"),
            Map.entry("get-payment.json", "GET /payments/{paymentId}"),
            Map.entry("return-ok.json", "GET /axerve/return/ok"),
            Map.entry("return-ko.json", "GET /axerve/return/ko"),
            Map.entry("s2s-ok.json", "GET /axerve/s2s"),
            Map.entry("s2s-ko.json", "GET /axerve/s2s"),
            Map.entry("s2s-xx.json", "GET /axerve/s2s"),
            Map.entry("s2s-duplicate.json", "GET /axerve/s2s"),
            Map.entry("s2s-tampered.json", "GET /axerve/s2s"),
            Map.entry("reconciler-tick.json", "schedule"),
            Map.entry("refund-payment.json", "POST /payments/{paymentId}/refunds"),
            Map.entry("cancel-payment.json", "POST /payments/{paymentId}/cancel"),
            Map.entry("outbox-stream.json", "stream"),
            Map.entry("charge-batch.json", "queue"));

    private static String file(String name) {
        return ProjectFiles.root().resolve("events").resolve(name).toString();
    }

    @Test
    void everyFileIsAKnownSample() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("events"))) {
            assertEquals(SAMPLES.keySet(), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    static Stream<String> httpSamples() {
        return SAMPLES.entrySet().stream().filter(e -> e.getValue().contains(" ")).map(Map.Entry::getKey)
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("httpSamples")
    void httpSamplesArePayloadFormat2ForTheirRoute(String name) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent(file(name));
        String route = SAMPLES.get(name);

        assertEquals("2.0", e.getVersion());
        assertEquals(route, e.getRouteKey());
        assertEquals(route, e.getRequestContext().getRouteKey());
        assertEquals(route.split(" ")[0], e.getRequestContext().getHttp().getMethod());
        assertEquals(e.getRawPath(), e.getRequestContext().getHttp().getPath());
        assertNotNull(e.getRequestContext().getRequestId());
        assertTrue(e.getRequestContext().getTimeEpoch() > 0);
        e.getHeaders().keySet().forEach(h -> assertEquals(h.toLowerCase(), h, "API Gateway lower-cases headers"));
        if (route.startsWith("GET /axerve/")) {
            assertEquals(e.getQueryStringParameters().get("a"), query(e.getRawQueryString()).get("a"));
            assertEquals(e.getQueryStringParameters().get("b"), query(e.getRawQueryString()).get("b"));
        }
        if (route.contains("{paymentId}")) {
            assertEquals(route.split(" ")[1].replace("{paymentId}", e.getPathParameters().get("paymentId")),
                    e.getRawPath());
        }
        if (route.equals("POST /payments")) {
            assertTrue(e.getHeaders().get("authorization").startsWith("Bearer "));
            assertNotNull(e.getBody());
        }
    }

    @Test
    void theOperationSamplesReachTheirHandlers() {
        APIGatewayV2HTTPResponse refund = new RefundPaymentHandler(stack.wiring).handleRequest(
                storefront(EventLoader.loadApiGatewayHttpEvent(file("refund-payment.json"))), null);
        APIGatewayV2HTTPResponse cancel = new CancelPaymentHandler(stack.wiring).handleRequest(
                storefront(EventLoader.loadApiGatewayHttpEvent(file("cancel-payment.json"))), null);
        // the body and key were accepted; the sample's payment is not in the test table
        assertEquals(404, refund.getStatusCode(), refund.getBody());
        assertEquals(404, cancel.getStatusCode(), cancel.getBody());
    }

    @Test
    void theStreamSampleIsAKeysOnlyOutboxInsertThePublisherTakes() {
        DynamodbEvent e = EventLoader.loadDynamoDbEvent(file("outbox-stream.json"));
        DynamodbEvent.DynamodbStreamRecord r = e.getRecords().get(0);
        assertEquals("INSERT", r.getEventName());
        assertEquals("KEYS_ONLY", r.getDynamodb().getStreamViewType());
        assertTrue(r.getDynamodb().getKeys().get("pk").getS().startsWith("OUTBOX#pay_"));
        StoreConfig store = StoreConfig.fromEnvironment(stack.env);
        try (DynamoDbClient client = DynamoDbClients.create(store)) {
            OutboxPublisher publisher = new OutboxPublisher(new DynamoDbOutbox(client, store.paymentsTable()),
                    entry -> fail("nothing to publish for a key the table does not hold"), Clock.systemUTC());
            assertTrue(new OutboxPublisherHandler(publisher).handleRequest(e, null).getBatchItemFailures().isEmpty());
        }
    }

    @Test
    void theTickIsAScheduledEventAndRuns() {
        ScheduledEvent tick = EventLoader.loadScheduledEvent(file("reconciler-tick.json"));

        assertEquals("aws.events", tick.getSource());
        assertEquals("Scheduled Event", tick.getDetailType());
        assertEquals(1, tick.getResources().size());
        Map<String, Integer> report = stack.reconcilerAhead(java.time.Duration.ZERO).handleRequest(tick, null);
        assertEquals(0, report.get("lostRaces"));
    }

    @Test
    void startPaymentRunsAndGetPaymentFindsIt() {
        APIGatewayV2HTTPEvent start = storefront(EventLoader.loadApiGatewayHttpEvent(file("start-payment.json")));
        start.setBody(start.getBody().replace("ORDER-10042", uniqueOrderId()));

        APIGatewayV2HTTPResponse created = stack.start.handleRequest(start, null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String paymentId = (String) PaymentStack.json(created).get("paymentId");

        APIGatewayV2HTTPEvent get = storefront(EventLoader.loadApiGatewayHttpEvent(file("get-payment.json")));
        assertEquals(404, stack.get.handleRequest(get, null).getStatusCode(), "the sample's id is not in the table");
        get.setPathParameters(Map.of("paymentId", paymentId));
        assertEquals(200, stack.get.handleRequest(get, null).getStatusCode());
    }

    @Test
    void theBadBodyIsRefusedWithEveryField() {
        APIGatewayV2HTTPResponse r = stack.start.handleRequest(
                storefront(EventLoader.loadApiGatewayHttpEvent(file("start-payment-bad-body.json"))), null);

        assertEquals(400, r.getStatusCode());
        String details = String.valueOf(((Map<?, ?>) PaymentStack.json(r).get("error")).get("details"));
        for (String field : List.of("amount", "currency", "orderId", "language", "returnUrl")) {
            assertTrue(details.contains("field=" + field), details);
        }
    }

    @Test
    void theS2sSamplesRunWithLiveResultStrings() {
        stack.s2sMode(S2sMode.DROP);
        Live ok = live("success", 1);
        Live ko = live("decline", 1);
        Live xx = live("pending-ok", 1);

        assertEquals(200, s2s("s2s-ok.json", ok.b).getStatusCode());
        assertEquals("CAPTURED", stack.state(ok.paymentId));
        assertEquals(200, s2s("s2s-duplicate.json", ok.b).getStatusCode());
        assertEquals(200, s2s("s2s-ko.json", ko.b).getStatusCode());
        assertEquals("DECLINED", stack.state(ko.paymentId));
        assertEquals(200, s2s("s2s-xx.json", xx.b).getStatusCode());
        assertEquals("PENDING", stack.state(xx.paymentId));
        assertEquals(400, s2s("s2s-tampered.json", null).getStatusCode());
    }

    @Test
    void theReturnSamplesRunWithLiveResultStrings() {
        Live ok = live("success", 1);
        Live ko = live("decline", 1);

        APIGatewayV2HTTPResponse okReturn = stack.returns.handleRequest(
                withB(EventLoader.loadApiGatewayHttpEvent(file("return-ok.json")), ok.b), null);
        APIGatewayV2HTTPResponse koReturn = stack.returns.handleRequest(
                withB(EventLoader.loadApiGatewayHttpEvent(file("return-ko.json")), ko.b), null);
        APIGatewayV2HTTPResponse stale = stack.returns.handleRequest(
                EventLoader.loadApiGatewayHttpEvent(file("return-ok.json")), null);

        assertEquals(303, okReturn.getStatusCode());
        assertTrue(okReturn.getHeaders().get("Location").endsWith("paymentId=" + ok.paymentId + "&state=CAPTURED"));
        assertTrue(koReturn.getHeaders().get("Location").endsWith("paymentId=" + ko.paymentId + "&state=DECLINED"));
        assertEquals(PaymentStack.DEFAULT_RETURN_URL + "?error=payment_not_found", stale.getHeaders().get("Location"));
    }

    private record Live(String paymentId, String b) {
    }

    /** A payment taken through the page with the scenario; the b of its n-th notification. */
    private static Live live(String scenario, int n) {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "33.00");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), scenario);
        List<NotificationView> sent = stack.awaitNotifications((String) started.get("shopTransactionId"), n);
        assertNotNull(back);
        return new Live((String) started.get("paymentId"), sent.get(n - 1).b());
    }

    private static APIGatewayV2HTTPResponse s2s(String sample, String b) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent(file(sample));
        return stack.s2s.handleRequest(b == null ? e : withB(e, b), null);
    }

    private static APIGatewayV2HTTPEvent withB(APIGatewayV2HTTPEvent e, String b) {
        Map<String, String> q = new LinkedHashMap<>(e.getQueryStringParameters());
        q.put("b", b);
        e.setQueryStringParameters(q);
        e.setRawQueryString("a=" + URLEncoder.encode(q.get("a"), StandardCharsets.UTF_8) + "&b="
                + URLEncoder.encode(b, StandardCharsets.UTF_8));
        return e;
    }

    private static APIGatewayV2HTTPEvent storefront(APIGatewayV2HTTPEvent e) {
        Map<String, String> headers = new LinkedHashMap<>(e.getHeaders());
        headers.put("authorization", "Bearer " + Events.STOREFRONT_KEY);
        e.setHeaders(headers);
        return e;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
