package com.axpay.payments.openapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Amounts;
import com.axpay.core.validation.AmountField;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.OpenApiSchemas;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.handlers.CancelPaymentHandler;
import com.axpay.payments.handlers.CapturePaymentHandler;
import com.axpay.payments.handlers.GetPaymentHandler;
import com.axpay.payments.handlers.RefundPaymentHandler;
import com.axpay.payments.handlers.StartPaymentHandler;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static com.axpay.payments.stack.PaymentStack.body;
import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi.yaml against the handlers' real behaviour: every documented status of every operation is produced by a
 * real call, every produced status is documented, and every response carries the fields its schema requires.
 */
class OpenApiContractTest extends WithPaymentStack {

    private static PaymentsWiring broken;
    private static Map<String, Object> spec;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = new HashMap<>(stack.env);
        env.put("PAYMENTS_TABLE", "no-such-table");
        broken = PaymentsWiring.fromEnvironment(env);
        try (Reader r = Files.newBufferedReader(Path.of("openapi.yaml"))) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
    }

    @AfterAll
    static void stop() {
        broken.close();
    }

    /** Real calls, by operation: each scenario's status must be documented, and together they cover the document. */
    private static Map<String, List<Supplier<APIGatewayV2HTTPResponse>>> scenarios() {
        Map<String, List<Supplier<APIGatewayV2HTTPResponse>>> s = new LinkedHashMap<>();
        s.put("post /payments", List.of(
                () -> stack.post(body(uniqueOrderId(), "10.00")),
                () -> {
                    String orderId = uniqueOrderId();
                    stack.post(body(orderId, "10.00"));
                    return stack.post(body(orderId, "10.00"));
                },
                () -> {
                    String orderId = uniqueOrderId();
                    stack.post(body(orderId, "10.00"));
                    return stack.post(body(orderId, "12.00"));
                },
                () -> stack.post(body(uniqueOrderId(), "10.001")),
                () -> stack.start.handleRequest(Events.post("/payments", body(uniqueOrderId(), "1"), Map.of()), null),
                () -> stack.post(body(uniqueOrderId(), "10.00").replace("north", "n".repeat(17_000))),
                () -> withMerchant(Map.of("currencies", List.of("1")), () -> stack.post(body(uniqueOrderId(), "1.00"))),
                () -> withFault("http500", () -> stack.post(body(uniqueOrderId(), "1.00"))),
                () -> withFault("systemError", () -> stack.post(body(uniqueOrderId(), "1.00"))),
                () -> withFault("timeout", () -> stack.post(body(uniqueOrderId(), "1.00"))),
                () -> new StartPaymentHandler(broken).handleRequest(Events.startPayment(body(uniqueOrderId(), "1")),
                        null)));
        s.put("get /payments/{paymentId}", List.of(
                () -> {
                    Map<String, Object> started = stack.startOk(uniqueOrderId(), "10.00");
                    stack.payOnPage((String) started.get("redirectUrl"), "invalid-payment-method-soft");
                    stack.awaitNotifications((String) started.get("shopTransactionId"), 1);
                    return stack.get.handleRequest(Events.getPayment((String) started.get("paymentId")), null);
                },
                () -> {
                    Map<String, Object> started = stack.startOk(uniqueOrderId(), "10.00");
                    stack.payOnPage((String) started.get("redirectUrl"), "success");
                    stack.awaitNotifications((String) started.get("shopTransactionId"), 1);
                    return stack.get.handleRequest(Events.getPayment((String) started.get("paymentId")), null);
                },
                () -> stack.get.handleRequest(Events.getPayment("pay_x", "Bearer nope"), null),
                () -> stack.get.handleRequest(Events.getPayment("pay_unknown"), null),
                () -> new GetPaymentHandler(broken).handleRequest(Events.getPayment("pay_x"), null)));
        RefundPaymentHandler refunds = new RefundPaymentHandler(stack.wiring);
        s.put("post /payments/{paymentId}/refunds", List.of(
                () -> refund(refunds, paid(), "r1", "1.00"),
                () -> {
                    String id = paid();
                    refund(refunds, id, "r1", "1.00");
                    return refund(refunds, id, "r1", "1.00");
                },
                () -> {
                    String id = paid();
                    withFaultOn("callRefundS2S", "timeout", true, () -> refund(refunds, id, "r1", "1.00"));
                    return refund(refunds, id, "r1", "1.00");
                },
                () -> refund(refunds, paid(), "r1", "1.001"),
                () -> refunds.handleRequest(Events.post("/payments/x/refunds", "{}", Map.of()), null),
                () -> refund(refunds, "pay_unknown", "r1", "1.00"),
                () -> refunds.handleRequest(Events.paymentOperation("pay_x", "refunds", OVERSIZED), null),
                () -> {
                    String id = paid();
                    refund(refunds, id, "r1", "1.00");
                    return refund(refunds, id, "r1", "2.00");
                },
                () -> refund(refunds, paid(), "r1", "10.01"),
                () -> refund(new RefundPaymentHandler(broken), "pay_x", "r1", "1.00"),
                () -> {
                    String id = paid();
                    return withFaultOn("callRefundS2S", "http500", false, () -> refund(refunds, id, "r1", "1.00"));
                },
                () -> {
                    String id = paid();
                    return withFaultOn("callRefundS2S", "systemError", false, () -> refund(refunds, id, "r", "1.00"));
                },
                () -> {
                    String id = paid();
                    return withFaultOn("callRefundS2S", "timeout", false, () -> refund(refunds, id, "r1", "1.00"));
                }));
        s.put("post /payments/{paymentId}/cancel", operationScenarios("cancel", "callDeleteS2S",
                new CancelPaymentHandler(stack.wiring), new CancelPaymentHandler(broken)));
        s.put("post /payments/{paymentId}/capture", operationScenarios("capture", "callSettleS2S",
                new CapturePaymentHandler(stack.wiring), new CapturePaymentHandler(broken)));
        return s;
    }

    /** Cancel and capture answer alike: 200 on an authorization of a deferred-capture merchant, 409 once captured. */
    private static List<Supplier<APIGatewayV2HTTPResponse>> operationScenarios(String op, String axerveOperation,
                                                                               ApiHandler handler,
                                                                               ApiHandler brokenHandler) {
        return List.of(
                () -> withMerchant(DEFERRED, () -> operation(handler, authorized(), op, null)),
                () -> operation(handler, paid(), op, "[1]"),
                () -> handler.handleRequest(Events.post("/payments/x/" + op, null, Map.of()), null),
                () -> operation(handler, "pay_unknown", op, null),
                () -> operation(handler, "pay_x", op, OVERSIZED),
                () -> operation(handler, paid(), op, null),
                () -> operation(brokenHandler, "pay_x", op, null),
                () -> withMerchant(DEFERRED, () -> {
                    String id = authorized();
                    return withFaultOn(axerveOperation, "http500", false, () -> operation(handler, id, op, null));
                }),
                () -> withMerchant(DEFERRED, () -> {
                    String id = authorized();
                    return withFaultOn(axerveOperation, "timeout", false, () -> operation(handler, id, op, null));
                }));
    }

    /** Over the one body limit of every route. */
    private static final String OVERSIZED = "{\"reason\":\"" + "x".repeat(17_000) + "\"}";

    private static final Map<String, Object> DEFERRED = Map.of("captureMode", "deferred");

    private static String paid() {
        return payWith("CAPTURED");
    }

    private static String authorized() {
        return payWith("AUTHORIZED");
    }

    private static String payWith(String expected) {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "10.00");
        stack.payOnPage((String) started.get("redirectUrl"), "success");
        stack.awaitNotifications((String) started.get("shopTransactionId"), 1);
        String id = (String) started.get("paymentId");
        PaymentStack.await(() -> expected.equals(stack.state(id)), "payment " + expected);
        return id;
    }

    private static APIGatewayV2HTTPResponse refund(RefundPaymentHandler h, String paymentId, String refundId,
                                                   String amount) {
        return h.handleRequest(Events.paymentOperation(paymentId, "refunds",
                "{\"refundId\":\"" + refundId + "\",\"amount\":\"" + amount + "\",\"reason\":\"test\"}"), null);
    }

    private static APIGatewayV2HTTPResponse operation(ApiHandler h, String paymentId, String op, String body) {
        return h.handleRequest(Events.paymentOperation(paymentId, op, body), null);
    }

    private static APIGatewayV2HTTPResponse withFaultOn(String operation, String kind, boolean process,
                                                        Supplier<APIGatewayV2HTTPResponse> call) {
        Map<String, Object> rule = new HashMap<>(Map.of("operation", operation, "kind", kind, "times", 1));
        if (kind.equals("timeout")) {
            rule.put("delayMs", 4000);
            rule.put("process", process);
        }
        stack.admin.fault(rule);
        try {
            return call.get();
        } finally {
            stack.admin.clearFaults();
        }
    }

    @Test
    void everyRequestAmountIsTheOneAmountOfTheCode() {
        Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
        assertEquals("^" + AmountField.PATTERN + "$", map(schemas.get("Amount")).get("pattern"));
        String ref = "#/components/schemas/Amount";
        for (String request : List.of("StartPaymentRequest", "RefundRequest", "WidgetPaymentRequest",
                "AgreementChargeRequest")) {
            assertEquals(ref, map(map(map(schemas.get(request)).get("properties")).get("amount")).get("$ref"), request);
        }
        Map<String, Object> plan = map(map(map(schemas.get("RecurringRequest")).get("properties")).get("plan"));
        assertEquals(ref, map(map(plan.get("properties")).get("amount")).get("$ref"), "RecurringRequest.plan");
        // the largest amount takes Axerve's 9 characters with the 2 decimals we always send
        assertEquals(9, Amounts.format(AmountField.MAX).length());
        assertEquals(AmountField.MAX, AmountField.valueOf("999999.99"));
        assertEquals(null, AmountField.valueOf("1000000"));
    }

    @Test
    void documentsExactlyTheStorefrontOperations() {
        Set<String> operations = new TreeSet<>();
        // operations tagged agreements or widget are served by functions/recurring and checked by its contract test
        map(spec.get("paths")).forEach((path, ops) -> map(ops).forEach((m, op) -> {
            if (((List<?>) map(op).getOrDefault("tags", List.of())).stream()
                    .noneMatch(t -> t.equals("agreements") || t.equals("widget"))) {
                operations.add(m + " " + path);
            }
        }));
        assertEquals(new TreeSet<>(scenarios().keySet()), operations);
        assertTrue(spec.get("openapi").toString().startsWith("3."));
    }

    @Test
    void everyDocumentedStatusIsProducedAndEveryResponseMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        scenarios().forEach((operation, calls) -> {
            String[] parts = operation.split(" ", 2);
            Map<String, Object> responses = map(map(map(map(spec.get("paths")).get(parts[1])).get(parts[0]))
                    .get("responses"));
            Set<String> produced = new TreeSet<>();
            for (Supplier<APIGatewayV2HTTPResponse> call : calls) {
                APIGatewayV2HTTPResponse r = call.get();
                String status = Integer.toString(r.getStatusCode());
                produced.add(status);
                if (!responses.containsKey(status)) {
                    problems.add(operation + " produced undocumented " + status + ": " + r.getBody());
                    continue;
                }
                Map<String, Object> schema = map(map(map(map(responses.get(status)).get("content"))
                        .get("application/json")).get("schema"));
                new OpenApiSchemas(spec).conform(PaymentStack.json(r), schema, operation + " " + status, problems);
            }
            Set<String> documented = new TreeSet<>(responses.keySet());
            documented.removeAll(produced);
            if (!documented.isEmpty()) {
                problems.add(operation + ": documented but never produced " + documented);
            }
        });
        assertEquals(List.of(), problems);
    }

    private static APIGatewayV2HTTPResponse withFault(String kind, Supplier<APIGatewayV2HTTPResponse> call) {
        Map<String, Object> rule = new HashMap<>(Map.of("operation", "Encrypt", "kind", kind, "times", 1));
        if (kind.equals("timeout")) {
            rule.put("delayMs", 4000);
            rule.put("process", false);
        }
        stack.admin.fault(rule);
        try {
            return call.get();
        } finally {
            stack.admin.clearFaults();
        }
    }

    private static APIGatewayV2HTTPResponse withMerchant(Map<String, Object> profile,
                                                         Supplier<APIGatewayV2HTTPResponse> call) {
        Map<String, Object> p = new HashMap<>(profile);
        p.put("shopLogin", PaymentStack.SHOP);
        stack.admin.putMerchant(p);
        try {
            return call.get();
        } finally {
            stack.admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }
}
