package com.axpay.recurring;


import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.port.ChargeQueue;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.SimAdmin;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.handlers.AxerveNotificationHandler;
import com.axpay.payments.handlers.StartPaymentHandler;
import com.axpay.recurring.handlers.CancelAgreementHandler;
import com.axpay.recurring.handlers.ChargeAgreementHandler;
import com.axpay.recurring.handlers.GetAgreementHandler;
import com.axpay.recurring.handlers.ResumeAgreementHandler;
import com.axpay.recurring.handlers.WidgetPaymentHandler;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.NotifyOptions;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static com.axpay.payments.stack.PaymentStack.await;

/**
 * The payment and recurring handlers on real parts, wired from the environment as Lambda wires them: the simulator
 * over HTTP with its S2S notifications delivered through a JDK HTTP server to {@link AxerveNotificationHandler},
 * DynamoDB Local (a table of this stack's own), an in-memory charge queue.
 */
final class RecurringStack implements AutoCloseable {

    final AxerveSimulator sim;
    final SimAdmin admin;
    final Map<String, String> env = new HashMap<>();
    final PaymentsWiring payments;
    final RecurringWiring recurring;
    final ConcurrentLinkedQueue<ChargeQueue.ChargeMessage> queue = new ConcurrentLinkedQueue<>();
    final StartPaymentHandler start;
    final GetAgreementHandler getAgreement;
    final ChargeAgreementHandler charge;
    final CancelAgreementHandler cancel;
    final ResumeAgreementHandler resume;
    final WidgetPaymentHandler widget;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    /** What the recurring functions see: real time plus {@link #advanceClock}. */
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.now().plus(offset.get()); }
    };
    private final AxerveNotificationHandler s2s;
    private final HttpServer receiver;
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RecurringStack() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        receiver.createContext("/axerve/s2s", this::receive);
        receiver.setExecutor(receiverThreads);
        receiver.start();
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                // the browser is simulated by reading Location: these hosts are never contacted
                .positiveUrl("https://api.example.test/axerve/return/ok")
                .negativeUrl("https://api.example.test/axerve/return/ko")
                .s2sUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/axerve/s2s")
                .notifyOptions(NotifyOptions.defaults().withRetryIntervalMs(100).withMaxAttempts(3)));
        admin = new SimAdmin(sim.baseUrl());
        env.put("AXERVE_ENV", sim.baseUrl());
        env.put("AXERVE_SHOP_LOGIN", AxerveSimulator.DEFAULT_SHOP_LOGIN);
        env.put("STOREFRONT_API_KEY", ApiEvents.STOREFRONT_KEY);
        env.put("RETURN_URL_ALLOWLIST", "https://shop.example.test/done");
        env.put("DEFAULT_RETURN_URL", "https://shop.example.test/done");
        env.put("PAYMENTS_TABLE", "recurring-api-" + UUID.randomUUID());
        env.put("DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
        env.put("AWS_REGION", "eu-south-1");
        env.put("AXERVE_CONNECT_TIMEOUT_MS", "1000");
        env.put("AXERVE_READ_TIMEOUT_MS", "2000");
        try (DynamoDbClient admin = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            TableDefinitions.createPaymentsTable(admin, env.get("PAYMENTS_TABLE"));
        }
        payments = PaymentsWiring.fromEnvironment(env);
        recurring = RecurringWiring.create(PaymentsConfig.fromEnvironment(env, name -> null), clock, queue::addAll,
                DunningPolicy.defaults());
        start = new StartPaymentHandler(payments);
        s2s = new AxerveNotificationHandler(payments);
        getAgreement = new GetAgreementHandler(recurring);
        charge = new ChargeAgreementHandler(recurring);
        cancel = new CancelAgreementHandler(recurring);
        resume = new ResumeAgreementHandler(recurring);
        widget = new WidgetPaymentHandler(recurring);
    }

    static RecurringStack start() {
        try {
            return new RecurringStack();
        } catch (IOException e) {
            throw new IllegalStateException("test stack did not start", e);
        }
    }

    private void receive(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            APIGatewayV2HTTPResponse r = s2s.handleRequest(
                    ApiEvents.axerveGet("/axerve/s2s", ex.getRequestURI().getRawQuery()), null);
            ex.sendResponseHeaders(r.getStatusCode(), -1);
        }
    }

    /** POST /payments with a recurring block; the 201 body. */
    Map<String, Object> startRecurring(String orderId, String amount, String mode, String interval) {
        String body = "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"orderId\":\"" + orderId + "\","
                + "\"returnUrl\":\"https://shop.example.test/done\",\"recurring\":{\"mode\":\"" + mode + "\","
                + "\"plan\":{\"amount\":\"9.90\",\"currency\":\"EUR\",\"interval\":\"" + interval + "\"}}}";
        APIGatewayV2HTTPResponse r = start.handleRequest(ApiEvents.post("/payments", body), null);
        if (r.getStatusCode() != 201) {
            throw new AssertionError("POST /payments answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return json(r);
    }

    /** The buyer on the payment page choosing {@code scenario}; the simulator then notifies us (S2S). */
    void payOnPage(String redirectUrl, String scenario) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(redirectUrl + "&sim=" + scenario))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new AssertionError("payment page answered " + r.statusCode() + ": " + r.body());
        }
    }

    APIGatewayV2HTTPResponse call(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    void advanceClock(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    /**
     * A recurring payment (plan 9.90 EUR monthly) paid on the simulator's page; waits for the S2S notification to
     * create the agreement and answers GET /agreements/{id}.
     */
    Map<String, Object> agreementFromPayment(String mode) throws Exception {
        Map<String, Object> payment = startRecurring("ord-" + UUID.randomUUID().toString().substring(0, 12),
                "19.90", mode, "P1M");
        String agreementId = (String) payment.get("agreementId");
        if (agreementId == null) {
            throw new AssertionError("the payment answer names no agreement: " + payment);
        }
        payOnPage((String) payment.get("redirectUrl"), "success");
        await(() -> call(getAgreement, ApiEvents.agreement("GET", null, agreementId, null, ApiEvents.BEARER))
                .getStatusCode() == 200, "the agreement of " + agreementId);
        return json(call(getAgreement, ApiEvents.agreement("GET", null, agreementId, null, ApiEvents.BEARER)));
    }

    /** Runs the schedule once and charges only {@code agreementId}'s due cycle (other messages are dropped). */
    void chargeDue(String agreementId) {
        recurring.schedule().run(() -> true);
        var worker = recurring.chargeCycle();
        for (int i = 0; i < 1000 && !queue.isEmpty(); i++) {
            ChargeQueue.ChargeMessage m = queue.poll();
            if (m != null && m.agreementId().equals(agreementId)) {
                worker.charge(m);
            }
        }
    }

    /** Runs the schedule once and the worker over what it enqueued. */
    void tickAndDrain() {
        recurring.schedule().run(() -> true);
        var worker = recurring.chargeCycle();
        for (int i = 0; i < 1000 && !queue.isEmpty(); i++) {
            ChargeQueue.ChargeMessage m = queue.poll();
            if (m != null) {
                worker.charge(m);
            }
        }
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        try {
            return JSON.std.mapFrom(r.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.getBody(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Override
    public void close() {
        sim.close();
        receiver.stop(0);
        receiverThreads.shutdownNow();
        payments.close();
        recurring.close();
    }
}
