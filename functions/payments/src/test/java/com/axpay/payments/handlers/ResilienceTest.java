package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import com.axpay.simulator.NotificationView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.axpay.payments.handlers.PaymentFlowTest.errorCode;
import static com.axpay.payments.stack.PaymentStack.body;
import static com.axpay.payments.stack.PaymentStack.json;
import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Axerve slow or down: nothing is lost, nothing is paid twice, and redelivery or a retry finishes the job. */
class ResilienceTest extends WithPaymentStack {

    @ParameterizedTest(name = "Axerve processed the Encrypt: {0}")
    @ValueSource(booleans = {true, false})
    void encryptTimeoutKeepsThePaymentAndARetryResumesItWithTheSameShopTransactionId(boolean processed) {
        String orderId = uniqueOrderId();
        stack.admin.fault(Map.of("operation", "Encrypt", "kind", "timeout", "delayMs", 6000, "times", 1,
                "process", processed));

        APIGatewayV2HTTPResponse timedOut = stack.post(body(orderId, "40.00"));

        assertEquals(504, timedOut.getStatusCode());
        assertEquals("gateway_timeout", errorCode(timedOut));
        String paymentId = stack.paymentIdOfOrder(orderId);
        assertEquals("UNKNOWN", stack.state(paymentId), "the payment is kept, marked unknown");

        APIGatewayV2HTTPResponse retry = stack.post(body(orderId, "40.00"));
        APIGatewayV2HTTPResponse again = stack.post(body(orderId, "40.00"));

        assertEquals(200, retry.getStatusCode(), retry.getBody());
        Map<String, Object> resumed = json(retry);
        assertEquals(paymentId, resumed.get("paymentId"));
        assertEquals(orderId + "-1", resumed.get("shopTransactionId"));
        assertEquals("REDIRECTED", resumed.get("state"));
        assertEquals(resumed, json(again), "never a second live payment for the order");
        assertEquals(1, stack.admin.transactions(orderId + "-1").size() + stack.admin.transactions(orderId + "-2").size(),
                "Axerve knows one transaction for the order");

        stack.payOnPage((String) resumed.get("redirectUrl"), "success");
        stack.awaitNotifications(orderId + "-1", 1);
        assertEquals("CAPTURED", stack.state(paymentId));
    }

    @ParameterizedTest(name = "{0} on Decrypt answers {1}")
    @CsvSource({"http500, 502", "soapFault, 502", "malformed, 502", "systemError, 503"})
    void axerveDownOnTheNotificationAsksForRedeliveryThenSucceeds(String kind, int status) {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "41.00");
        String stx = (String) started.get("shopTransactionId");
        stack.admin.fault(Map.of("operation", "Decrypt", "kind", kind, "times", 1));

        stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView n = stack.awaitNotifications(stx, 1).get(0);

        assertEquals(List.of(status, 200), n.attempts().stream().map(NotificationView.Attempt::status).toList());
        assertEquals("CAPTURED", stack.state((String) started.get("paymentId")));
    }

    @Test
    void whileAxerveStaysDownTheStateIsUnchangedAndALaterRedeliveryIsStored() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "42.00");
        String stx = (String) started.get("shopTransactionId");
        stack.admin.fault(Map.of("operation", "Decrypt", "kind", "http500"));

        stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView n = stack.awaitNotifications(stx, 1).get(0);

        assertTrue(n.attempts().stream().allMatch(a -> a.status() == 502), n.attempts().toString());
        assertEquals("REDIRECTED", stack.state((String) started.get("paymentId")));

        stack.admin.clearFaults();
        APIGatewayV2HTTPResponse redelivered = stack.s2s.handleRequest(com.axpay.kit.testing.Events.axerveGet(
                "/axerve/s2s", "a=" + n.shopLogin() + "&b=" + n.b()), null);

        assertEquals(200, redelivered.getStatusCode());
        assertEquals("CAPTURED", stack.state((String) started.get("paymentId")));
    }

    @Test
    void axerveTimingOutOnTheNotificationAnswers504() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "43.00");
        String stx = (String) started.get("shopTransactionId");
        stack.admin.fault(Map.of("operation", "Decrypt", "kind", "timeout", "delayMs", 4000, "times", 1,
                "process", false));

        stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView n = stack.awaitNotifications(stx, 1).get(0);

        assertEquals(List.of(504, 200), n.attempts().stream().map(NotificationView.Attempt::status).toList());
        assertEquals("CAPTURED", stack.state((String) started.get("paymentId")));
    }

    @Test
    void aDefiniteEncryptRefusalIsA422AndNoPaymentPage() {
        String orderId = uniqueOrderId();
        stack.admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP, "currencies", List.of("1")));
        try {
            APIGatewayV2HTTPResponse r = stack.post(body(orderId, "44.00"));

            assertEquals(422, r.getStatusCode(), r.getBody());
            assertEquals("gateway_rejected", errorCode(r));
            assertTrue(stack.admin.transactions(orderId + "-1").isEmpty());
            assertEquals(422, stack.post(body(orderId, "44.00")).getStatusCode(), "the same request, the same verdict");
        } finally {
            stack.admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP));
        }
        APIGatewayV2HTTPResponse afterFix = stack.post(body(orderId, "44.00"));

        assertEquals(200, afterFix.getStatusCode(), "the kept payment is resumed once Axerve accepts: " + afterFix.getBody());
        assertEquals(orderId + "-1", json(afterFix).get("shopTransactionId"));
        assertEquals("REDIRECTED", json(afterFix).get("state"));
        assertEquals(null, stack.payment((String) json(afterFix).get("paymentId")).get("errorCode"));
    }

    @Test
    void wrongApikeyIsReportedAsAConfigurationProblem() {
        stack.admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP, "apikey", "a-key-we-do-not-have"));
        try {
            APIGatewayV2HTTPResponse r = stack.post(body(uniqueOrderId(), "45.00"));

            assertEquals(502, r.getStatusCode());
            assertEquals("gateway_configuration", errorCode(r));
        } finally {
            stack.admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP));
        }
    }
}
