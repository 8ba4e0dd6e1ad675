package com.axpay.payments.handlers;

import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.LogLines;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logs as CloudWatch reads them: one JSON object per line, the payment's id on every line about a payment, and
 * Embedded Metric Format blocks CloudWatch can extract (outcomes, refunds, Axerve calls and latency, stuck payments).
 */
class StructuredLogsTest extends WithPaymentStack {

    /** Lines that are about the whole run or come before a payment is known. */
    private static final Set<String> NOT_ABOUT_ONE_PAYMENT = Set.of("Reconciler");

    @Test
    void aRequestRefusedBeforeAnythingIsReadStillNamesTheRoutesPayment() throws Exception {
        String unknown = "pay_00000000000000000000000000000000";
        String foreign = "pay_" + "x".repeat(300);
        List<Map<String, Object>> lines = capture(() -> {
            new GetPaymentHandler(stack.wiring).handleRequest(Events.getPayment(unknown), null);
            new GetPaymentHandler(stack.wiring).handleRequest(Events.getPayment(unknown, "Bearer wrong"), null);
            new GetPaymentHandler(stack.wiring).handleRequest(Events.getPayment(foreign), null);
        });
        assertEquals(List.of(404, 401, 404), lines.stream().map(l -> ((Number) l.get("status")).intValue()).toList());
        assertEquals(unknown, lines.get(0).get("paymentId"));
        assertEquals(unknown, lines.get(1).get("paymentId"));
        assertEquals(100, ((String) lines.get(2).get("paymentId")).length(), "a path id is caller input: bounded");

        // the next request on the same thread names no payment of the previous one
        List<Map<String, Object>> next = capture(() -> stack.reconcilerAhead(Duration.ofMinutes(1))
                .handleRequest(Events.tick(), null));
        assertTrue(next.stream().map(l -> String.valueOf(l.get("paymentId")))
                .noneMatch(id -> id.equals(unknown) || id.startsWith("pay_xxx")), next.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLineIsJsonWithItsPaymentAndTheMetricsAreWellFormed() throws Exception {
        List<Map<String, Object>> lines = capture(() -> {
            String paymentId = stack.paid("12.00", "CAPTURED").paymentId();
            RefundTest.refund(new RefundPaymentHandler(stack.wiring), paymentId, "log-1", "2.00", null);
            RefundTest.refund(new RefundPaymentHandler(stack.wiring), paymentId, "log-2", "20.00", null);

            // a payment Axerve never answers about: the reconciler gives up and counts it as stuck
            stack.startOk(uniqueOrderId(), "13.00");
            stack.admin.fault(Map.of("operation", "callReadTrxS2S", "kind", "http500"));
            for (int run = 1; run <= 3; run++) {
                stack.reconcilerAhead(Duration.ofHours(run)).handleRequest(Events.tick(), null);
            }
            stack.admin.clearFaults();
        });

        List<String> metricNames = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            String function = (String) line.get("function");
            boolean decrypt = "Decrypt".equals(line.get("operation"));
            if (!NOT_ABOUT_ONE_PAYMENT.contains(function) && !decrypt) {
                assertTrue(line.containsKey("paymentId") || line.containsKey("shopTransactionId"),
                        "no payment id: " + line);
            }
            Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
            if (aws == null) {
                continue;
            }
            assertTrue(aws.get("Timestamp") instanceof Number);
            for (Object d : (List<Object>) aws.get("CloudWatchMetrics")) {
                Map<String, Object> directive = (Map<String, Object>) d;
                assertEquals("AxPay", directive.get("Namespace"));
                for (Object set : (List<Object>) directive.get("Dimensions")) {
                    for (Object key : (List<Object>) set) {
                        assertTrue(line.get(key) instanceof String, "dimension " + key + " missing: " + line);
                    }
                }
                for (Object m : (List<Object>) directive.get("Metrics")) {
                    String name = (String) ((Map<String, Object>) m).get("Name");
                    assertTrue(line.get(name) instanceof Number, "metric " + name + " has no value: " + line);
                    metricNames.add(name);
                }
            }
        }
        assertTrue(metricNames.containsAll(List.of("PaymentOutcomes", "Refunds", "AxerveCalls", "AxerveFailures",
                "AxerveLatency", "StuckPayments")), metricNames.toString());
        Map<String, Object> lastRun = lines.stream().filter(l -> "Reconciler".equals(l.get("function")))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(1.0, ((Number) lastRun.get("StuckPayments")).doubleValue(), "the payment it gave up on");
        assertTrue(lines.stream().anyMatch(l -> "Axerve".equals(l.get("function"))
                && Double.valueOf(1.0).equals(l.get("AxerveFailures"))), "the failed queries were counted");
        assertFalse(lines.stream().anyMatch(l -> "ERROR".equals(l.get("level"))), "nothing unexpected failed");
    }

    private static List<Map<String, Object>> capture(Runnable flow) {
        return LogLines.of(flow);
    }
}
