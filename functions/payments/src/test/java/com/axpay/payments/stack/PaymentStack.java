package com.axpay.payments.stack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.SimAdmin;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.handlers.AxerveNotificationHandler;
import com.axpay.payments.handlers.AxerveReturnHandler;
import com.axpay.payments.handlers.GetPaymentHandler;
import com.axpay.payments.handlers.ReconcilerHandler;
import com.axpay.payments.handlers.StartPaymentHandler;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.NotificationView;
import com.axpay.simulator.NotifyOptions;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The payment functions on real parts, for one test class: the simulator over HTTP, DynamoDB Local over the SDK's
 * HTTP path (a table of this class's own), and a small JDK HTTP server at the simulator's S2S URL that turns each
 * notification into an API Gateway event for {@link AxerveNotificationHandler}, so notifications flow for real.
 */
public final class PaymentStack implements AutoCloseable {

    public static final String SHOP = AxerveSimulator.DEFAULT_SHOP_LOGIN;
    public static final String RETURN_URL = "https://shop.example.test/checkout/done";
    public static final String DEFAULT_RETURN_URL = "https://shop.example.test/checkout";
    /** Axerve's answer must come within this in tests, so timeout tests stay short. */
    public static final int READ_TIMEOUT_MS = 2000;

    /** What the S2S receiver does with a notification. */
    public enum S2sMode { FORWARD, DROP, HOLD }

    public final AxerveSimulator sim;
    public final PaymentsWiring wiring;
    public final Map<String, String> env;
    public final StartPaymentHandler start;
    public final GetPaymentHandler get;
    public final AxerveReturnHandler returns;
    public final AxerveNotificationHandler s2s;
    public final SimAdmin admin;
    private final HttpServer receiver;
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(24);
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private volatile S2sMode mode = S2sMode.FORWARD;
    private volatile CountDownLatch held = new CountDownLatch(0);

    private PaymentStack(String merchantApikey) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.createContext("/axerve/s2s", this::receive);
        receiver.setExecutor(receiverThreads);
        receiver.start();
        String s2sUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/axerve/s2s";
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                // the browser is simulated by reading Location: these hosts are never contacted
                .positiveUrl("https://api.example.test/axerve/return/ok")
                .negativeUrl("https://api.example.test/axerve/return/ko")
                .s2sUrl(s2sUrl)
                .pendingDelayMs(300)
                .notifyOptions(NotifyOptions.defaults().withRetryIntervalMs(100).withMaxAttempts(3)));
        admin = new SimAdmin(sim.baseUrl());
        if (merchantApikey != null) {
            admin.putMerchant(Map.of("shopLogin", SHOP, "apikey", merchantApikey));
        }
        env = new HashMap<>();
        env.put("AXERVE_ENV", sim.baseUrl());
        env.put("AXERVE_SHOP_LOGIN", SHOP);
        if (merchantApikey != null) {
            env.put("AXERVE_APIKEY", merchantApikey);
        }
        env.put("STOREFRONT_API_KEY", Events.STOREFRONT_KEY);
        env.put("RETURN_URL_ALLOWLIST", RETURN_URL + ", " + DEFAULT_RETURN_URL);
        env.put("DEFAULT_RETURN_URL", DEFAULT_RETURN_URL);
        env.put("PAYMENTS_TABLE", "payments-" + UUID.randomUUID());
        env.put("DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
        env.put("AWS_REGION", "eu-south-1");
        env.put("AXERVE_CONNECT_TIMEOUT_MS", "1000");
        env.put("AXERVE_READ_TIMEOUT_MS", Integer.toString(READ_TIMEOUT_MS));
        env.put("RECONCILE_AFTER_SECONDS", "600");
        env.put("RECONCILE_MAX_ATTEMPTS", "3");
        try (DynamoDbClient admin = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            TableDefinitions.createPaymentsTable(admin, env.get("PAYMENTS_TABLE"));
        }
        wiring = PaymentsWiring.fromEnvironment(env);
        start = new StartPaymentHandler(wiring);
        get = new GetPaymentHandler(wiring);
        returns = new AxerveReturnHandler(wiring);
        s2s = new AxerveNotificationHandler(wiring);
    }

    public static PaymentStack start() {
        return start(null);
    }

    /** @param merchantApikey the apikey the simulated merchant requires (and the functions send), or null */
    public static PaymentStack start(String merchantApikey) {
        try {
            return new PaymentStack(merchantApikey);
        } catch (IOException e) {
            throw new IllegalStateException("test stack did not start", e);
        }
    }

    /** A reconciler whose clock runs {@code ahead} of real time, so payments look stale without waiting. */
    public ReconcilerHandler reconcilerAhead(Duration ahead) {
        return new ReconcilerHandler(wiring.withClock(Clock.offset(Clock.systemUTC(), ahead)));
    }

    public void s2sMode(S2sMode m) {
        if (m == S2sMode.HOLD) {
            held = new CountDownLatch(1);
        } else {
            held.countDown();
        }
        mode = m;
    }

    /** Back to how the stack started: notifications forwarded once without delay, no fault armed. */
    public void restoreDefaults() {
        s2sMode(S2sMode.FORWARD);
        admin.notifyOptions(Map.of("duplicates", 1, "delayMs", 0));
        admin.clearFaults();
    }

    /** Lets held notifications through to the handler and forwards the next ones. */
    public void releaseHeld() {
        mode = S2sMode.FORWARD;
        held.countDown();
    }

    private void receive(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            S2sMode m = mode;
            if (m == S2sMode.HOLD) {
                try {
                    held.await(4, TimeUnit.SECONDS); // under the simulator's 5 s request timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status;
            byte[] body;
            if (m == S2sMode.DROP) {
                status = 200;
                body = new byte[0];
            } else {
                APIGatewayV2HTTPResponse r = s2s.handleRequest(
                        Events.axerveGet("/axerve/s2s", ex.getRequestURI().getRawQuery()), null);
                status = r.getStatusCode();
                body = r.getBody() == null ? new byte[0] : r.getBody().getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The stored record's optimistic-lock version: how many writes the payment has had. */
    public long storedVersion(String paymentId) {
        try (DynamoDbClient c = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            return Long.parseLong(c.getItem(r -> r.tableName(env.get("PAYMENTS_TABLE")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("PAY#" + paymentId)))).item().get("version").n());
        }
    }

    /** The payment that currently holds the order, read from the order's claim item. */
    public String paymentIdOfOrder(String orderId) {
        try (DynamoDbClient c = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            return c.getItem(r -> r.tableName(env.get("PAYMENTS_TABLE")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("ORDER#" + orderId)))).item().get("paymentId").s();
        }
    }

    // ---- the buyer's journey

    /** The buyer on the payment page: the scenario's redirect target (Axerve's positive or negative URL). */
    public URI payOnPage(String redirectUrl, String scenario) {
        try {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(redirectUrl + "&sim=" + scenario))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                throw new AssertionError("payment page answered " + r.statusCode() + ": " + r.body());
            }
            return URI.create(r.headers().firstValue("Location").orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser following Axerve's redirect to our return route. */
    public APIGatewayV2HTTPResponse returnToShop(URI axerveRedirect) {
        String path = axerveRedirect.getPath().endsWith("/ko") ? "/axerve/return/ko" : "/axerve/return/ok";
        return returns.handleRequest(Events.axerveGet(path, axerveRedirect.getRawQuery()), null);
    }

    // ---- storefront calls

    /** A payment the buyer went through on the simulator's page: its id and its Axerve shopTransactionId. */
    public record Paid(String paymentId, String stx) {
    }

    /**
     * Starts a payment, has the buyer complete the simulator's page successfully and come back, and waits for the
     * notification and for the stored state to be {@code state} (CAPTURED, or AUTHORIZED on a deferred-capture
     * merchant).
     */
    public Paid paid(String amount, String state) {
        Map<String, Object> started = startOk(uniqueOrderId(), amount);
        String stx = (String) started.get("shopTransactionId");
        returnToShop(payOnPage((String) started.get("redirectUrl"), "success"));
        awaitNotifications(stx, 1);
        String paymentId = (String) started.get("paymentId");
        await(() -> state.equals(state(paymentId)), "payment " + state);
        return new Paid(paymentId, stx);
    }

    /** Axerve's own record of a transaction, as the simulator's admin API shows it. */
    public Map<?, ?> axerveTransaction(String stx) {
        return (Map<?, ?>) admin.transactions(stx).get(0);
    }

    public APIGatewayV2HTTPResponse post(String body) {
        return start.handleRequest(Events.startPayment(body), null);
    }

    public Map<String, Object> startOk(String orderId, String amount) {
        APIGatewayV2HTTPResponse r = post(body(orderId, amount));
        if (r.getStatusCode() != 201) {
            throw new AssertionError("POST /payments answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return json(r);
    }

    public Map<String, Object> payment(String paymentId) {
        APIGatewayV2HTTPResponse r = get.handleRequest(Events.getPayment(paymentId), null);
        if (r.getStatusCode() != 200) {
            throw new AssertionError("GET answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return json(r);
    }

    public String state(String paymentId) {
        return (String) payment(paymentId).get("state");
    }

    public static String body(String orderId, String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"orderId\":\"" + orderId + "\","
                + "\"buyer\":{\"name\":\"Maria De Luca\",\"email\":\"maria.deluca@example.test\"},"
                + "\"language\":\"it\",\"customInfo\":{\"STORE\":\"north\"},\"returnUrl\":\"" + RETURN_URL + "\"}";
    }

    public static String uniqueOrderId() {
        return "ord-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        try {
            return JSON.std.mapFrom(r.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.getBody(), e);
        }
    }

    // ---- waiting for asynchronous notifications (bounded)

    /** The notifications the simulator sent for one transaction. */
    public List<NotificationView> notifications(String shopTransactionId) {
        return sim.notifications().stream().filter(n -> shopTransactionId.equals(n.shopTransactionId())).toList();
    }

    /** Waits until {@code copies} notifications of the transaction have finished (delivered or out of attempts). */
    public List<NotificationView> awaitNotifications(String shopTransactionId, int copies) {
        int maxAttempts = 3;
        await(() -> {
            List<NotificationView> n = notifications(shopTransactionId);
            return n.size() >= copies && n.stream().allMatch(v -> v.delivered() || v.attempts().size() >= maxAttempts);
        }, "notifications of " + shopTransactionId);
        return notifications(shopTransactionId);
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        held.countDown();
        sim.close();
        receiver.stop(0);
        receiverThreads.shutdownNow();
        wiring.close();
    }
}
