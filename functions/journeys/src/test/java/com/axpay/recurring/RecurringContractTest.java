package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.kit.testing.OpenApiSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document's recurring and widget operations (tags agreements, widget) against the recurring handlers'
 * real behaviour on the simulator and DynamoDB Local: every documented status is produced by a real call, every
 * produced status is documented, every response carries what its schema requires and nothing undocumented.
 */
class RecurringContractTest extends WithRecurringStack {

    static final Set<String> TAGS = Set.of("agreements", "widget");
    static Map<String, Object> spec;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("functions/payments/openapi.yaml"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "functions/payments/openapi.yaml not found above the module");
        try (Reader r = Files.newBufferedReader(dir.resolve("functions/payments/openapi.yaml"))) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
    }

    /** A fresh ACTIVE agreement (paynowandrecurring, paid on the simulator's page). */
    static String agreement() throws Exception {
        return (String) s.agreementFromPayment("paynowandrecurring").get("agreementId");
    }

    static APIGatewayV2HTTPResponse op(String operation, String agreementId, String body) {
        var handler = switch (operation == null ? "get" : operation) {
            case "charges" -> s.charge;
            case "cancel" -> s.cancel;
            case "resume" -> s.resume;
            default -> s.getAgreement;
        };
        return s.call(handler, ApiEvents.agreement(operation == null ? "GET" : "POST", operation, agreementId, body,
                ApiEvents.BEARER));
    }

    static String charge(String chargeId, String amount) {
        return "{\"chargeId\":\"" + chargeId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }

    static APIGatewayV2HTTPResponse widget(String orderId, String amount) throws Exception {
        return s.call(s.widget, ApiEvents.post("/payments/widget", "{\"orderId\":\"" + orderId + "\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"amazonOrderReferenceId\":\""
                + WidgetPaymentTest.issuedOrderReference(s.admin) + "\"}"));
    }

    static APIGatewayV2HTTPResponse withFault(String rule, Callable<APIGatewayV2HTTPResponse> call) throws Exception {
        s.admin.fault(rule);
        try {
            return call.call();
        } finally {
            s.admin.clearFaults();
        }
    }

    /** Over the one body limit of every route. */
    static final String OVERSIZED = "{\"chargeId\":\"" + "x".repeat(17_000) + "\"}";

    static String unknownId() {
        return ChargeIds.agreementIdFor("nobody-" + UUID.randomUUID());
    }

    /** Real calls, by operation. */
    static Map<String, List<Callable<APIGatewayV2HTTPResponse>>> scenarios() {
        Map<String, List<Callable<APIGatewayV2HTTPResponse>>> m = new LinkedHashMap<>();
        m.put("post /payments/widget", List.of(
                () -> widget("w" + UUID.randomUUID().toString().substring(0, 8), "10.00"),
                () -> {
                    String o = "w" + UUID.randomUUID().toString().substring(0, 8);
                    widget(o, "10.00");
                    return widget(o, "10.00");
                },
                () -> {
                    String o = "w" + UUID.randomUUID().toString().substring(0, 8);
                    widget(o, "10.00");
                    return widget(o, "11.00");
                },
                () -> widget("bad id!", "10.00"),
                () -> s.call(s.widget, ApiEvents.post("/payments/widget", "{}", null)),
                () -> s.call(s.widget, ApiEvents.post("/payments/widget", OVERSIZED)),
                () -> withFault("{\"operation\":\"callPagamS2S\",\"kind\":\"timeout\",\"delayMs\":2500,\"times\":1,"
                        + "\"process\":false}", () -> widget("w" + UUID.randomUUID().toString().substring(0, 8),
                        "10.00"))));
        m.put("get /agreements/{agreementId}", List.of(
                () -> op(null, agreement(), null),
                () -> s.call(s.getAgreement, ApiEvents.agreement("GET", null, unknownId(), null, null)),
                () -> op(null, unknownId(), null)));
        m.put("post /agreements/{agreementId}/charges", List.of(
                () -> op("charges", agreement(), charge("c1", "2.00")),
                () -> {
                    String a = agreement();
                    op("charges", a, charge("c1", "2.00"));
                    return op("charges", a, charge("c1", "2.00"));
                },
                () -> {
                    String a = agreement();
                    return withFault("{\"operation\":\"callPagamS2S\",\"kind\":\"timeout\",\"delayMs\":2500,"
                            + "\"times\":1,\"process\":true}", () -> op("charges", a, charge("slow", "2.00")));
                },
                () -> op("charges", unknownId(), "{\"amount\":12}"),
                () -> op("charges", unknownId(), OVERSIZED),
                () -> s.call(s.charge, ApiEvents.agreement("POST", "charges", unknownId(), charge("c", "1.00"),
                        "Bearer wrong")),
                () -> op("charges", unknownId(), charge("c1", "2.00")),
                () -> {
                    String a = agreement();
                    op("charges", a, charge("c1", "2.00"));
                    return op("charges", a, charge("c1", "3.00"));
                }));
        m.put("post /agreements/{agreementId}/cancel", List.of(
                () -> op("cancel", agreement(), null),
                () -> s.call(s.cancel, ApiEvents.agreement("POST", "cancel", unknownId(), null, null)),
                () -> op("cancel", unknownId(), null),
                () -> {
                    // cycle 2's charge times out and Axerve cannot be asked: its outcome stays unknown
                    String a = agreement();
                    s.advanceClock(java.time.Duration.ofDays(40));
                    try {
                        withFault("{\"operation\":\"callPagamS2S\",\"kind\":\"timeout\",\"delayMs\":2500,"
                                + "\"times\":1,\"process\":false}", () -> {
                                    s.chargeDue(a);
                                    return null;
                                });
                        return withFault("{\"operation\":\"callReadTrxS2S\",\"kind\":\"systemError\",\"times\":5}",
                                () -> op("cancel", a, null));
                    } finally {
                        s.advanceClock(java.time.Duration.ofDays(-40));
                    }
                },
                () -> {
                    String a = agreement();
                    return withFault("{\"operation\":\"callDeleteTokenS2S\",\"kind\":\"systemError\",\"times\":1}",
                            () -> op("cancel", a, null));
                }));
        m.put("post /agreements/{agreementId}/resume", List.of(
                () -> op("resume", agreement(), null),
                () -> s.call(s.resume, ApiEvents.agreement("POST", "resume", unknownId(), null, null)),
                () -> op("resume", unknownId(), null),
                () -> {
                    String a = agreement();
                    op("cancel", a, null);
                    return op("resume", a, null);
                }));
        return m;
    }

    @Test
    void documentsTheRecurringAndWidgetOperations() {
        Set<String> operations = new TreeSet<>();
        map(spec.get("paths")).forEach((path, ops) -> map(ops).forEach((method, op) -> {
            if (((List<?>) map(op).getOrDefault("tags", List.of())).stream().anyMatch(TAGS::contains)) {
                operations.add(method + " " + path);
            }
        }));
        assertEquals(new TreeSet<>(scenarios().keySet()), operations);
    }

    @Test
    void everyDocumentedStatusIsProducedAndEveryResponseMatchesItsSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Callable<APIGatewayV2HTTPResponse>>> e : scenarios().entrySet()) {
            String[] parts = e.getKey().split(" ", 2);
            Map<String, Object> responses = map(map(map(map(spec.get("paths")).get(parts[1])).get(parts[0]))
                    .get("responses"));
            Set<String> produced = new TreeSet<>();
            for (Callable<APIGatewayV2HTTPResponse> call : e.getValue()) {
                APIGatewayV2HTTPResponse r = call.call();
                String status = Integer.toString(r.getStatusCode());
                produced.add(status);
                if (!responses.containsKey(status)) {
                    problems.add(e.getKey() + " produced undocumented " + status + ": " + r.getBody());
                    continue;
                }
                Map<String, Object> schema = map(map(map(map(responses.get(status)).get("content"))
                        .get("application/json")).get("schema"));
                new OpenApiSchemas(spec).conform(RecurringStack.json(r), schema, e.getKey() + " " + status, problems);
            }
            Set<String> documented = new TreeSet<>(responses.keySet());
            documented.removeAll(produced);
            if (!documented.isEmpty()) {
                problems.add(e.getKey() + ": documented but never produced " + documented);
            }
        }
        assertEquals(List.of(), problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }
}
