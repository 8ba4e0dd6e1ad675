package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.kit.testing.LogLines;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Axerve-failure alarm divides AxerveFailures by AxerveCalls: recurring charges must be counted exactly as a
 * payment start is, or an Axerve outage during a renewal run goes unseen.
 */
class AxerveCallMetricsTest extends WithRecurringStack {

    @Test
    void anUpsellChargeAndAFailedOneAreCountedAsAxerveCalls() throws Exception {
        String agreementId = (String) s.agreementFromPayment("paynowandrecurring").get("agreementId");

        List<Map<String, Object>> ok = capture(() -> assertEquals(201,
                charge(agreementId, "metrics-1", "4.00").getStatusCode()));
        Map<String, Object> pagam = axerveLine(ok, "callPagamS2S");
        assertEquals(1.0, ((Number) pagam.get("AxerveCalls")).doubleValue());
        assertEquals(0.0, ((Number) pagam.get("AxerveFailures")).doubleValue());
        assertTrue(pagam.get("shopTransactionId") instanceof String, "the line names the charge's transaction");

        s.admin.fault("{\"operation\":\"callPagamS2S\",\"kind\":\"http500\"}");
        List<Map<String, Object>> failed;
        try {
            failed = capture(() -> {
                APIGatewayV2HTTPResponse r = charge(agreementId, "metrics-2", "5.00");
                assertEquals(202, r.getStatusCode(), "Axerve's outcome is unknown: " + r.getBody());
            });
        } finally {
            s.admin.clearFaults();
        }
        assertEquals(1.0, ((Number) axerveLine(failed, "callPagamS2S").get("AxerveFailures")).doubleValue(),
                "an Axerve answer lost on a recurring charge counts as a failure");
        assertFalse(String.join("\n", failed.stream().map(Object::toString).toList()).contains("TOKEN"),
                "no token in the logs");
    }

    private static APIGatewayV2HTTPResponse charge(String agreementId, String chargeId, String amount) {
        return s.call(s.charge, ApiEvents.agreement("POST", "charges", agreementId,
                "{\"chargeId\":\"" + chargeId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}",
                ApiEvents.BEARER));
    }

    private static Map<String, Object> axerveLine(List<Map<String, Object>> lines, String operation) {
        return lines.stream().filter(l -> "Axerve".equals(l.get("function")) && operation.equals(l.get("operation")))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no Axerve metrics line for " + operation + ": " + lines));
    }

    private static List<Map<String, Object>> capture(Runnable flow) {
        return LogLines.of(flow);
    }
}
