package com.axpay.payments.handlers;

import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.PaymentStack.S2sMode;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled sweep against the simulator: the notification never reached us, so the query decides. The
 * reconciler's clock runs ahead so payments are past the threshold without waiting.
 */
class ReconcilerTest extends WithPaymentStack {

    @Test
    void aReturnWithoutNotificationIsResolvedByTheReconciler() {
        stack.s2sMode(S2sMode.DROP);
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "60.00");
        String paymentId = (String) started.get("paymentId");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "success");
        stack.awaitNotifications((String) started.get("shopTransactionId"), 1);
        assertTrue(stack.returnToShop(back).getHeaders().get("Location").endsWith("&state=REDIRECTED"));

        Map<String, Integer> fresh = stack.reconcilerAhead(Duration.ZERO).handleRequest(Events.tick(), null);
        assertEquals("REDIRECTED", stack.state(paymentId), "not yet past the threshold: " + fresh);

        Map<String, Integer> report = stack.reconcilerAhead(Duration.ofHours(1)).handleRequest(Events.tick(), null);

        assertTrue(report.get("resolved") >= 1, report.toString());
        Map<String, Object> p = stack.payment(paymentId);
        assertEquals("CAPTURED", p.get("state"));
        assertNotNull(p.get("shippingAddress"));
        assertNotNull(p.get("billingAddress"));
        assertTrue(stack.returnToShop(back).getHeaders().get("Location").endsWith("&state=CAPTURED"));
    }

    @Test
    void aDeclineNeverNotifiedIsResolvedWithAmazonsReason() {
        stack.s2sMode(S2sMode.DROP);
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "61.00");
        stack.payOnPage((String) started.get("redirectUrl"), "invalid-payment-method-hard");
        stack.awaitNotifications((String) started.get("shopTransactionId"), 1);

        stack.reconcilerAhead(Duration.ofHours(1)).handleRequest(Events.tick(), null);

        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("DECLINED", p.get("state"));
        assertEquals("INVALID_PAYMENT_METHOD", ((Map<?, ?>) p.get("decline")).get("reason"));
    }

    @Test
    void aBuyerWhoNeverFinishedThePageExpires() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "62.00");

        stack.reconcilerAhead(Duration.ofHours(1)).handleRequest(Events.tick(), null);

        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("EXPIRED", p.get("state"));
        assertEquals("EXPIRED", ((Map<?, ?>) p.get("decline")).get("reason"));
        assertEquals(201, stack.post(PaymentStack.body((String) started.get("orderId"), "62.00")).getStatusCode(),
                "an expired attempt lets the order start a new one");
    }

    @Test
    void withoutAnAnswerTheReconcilerGivesUpAfterTheMaximumAttempts() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "63.00");
        String paymentId = (String) started.get("paymentId");
        stack.admin.fault(Map.of("operation", "callReadTrxS2S", "kind", "http500"));

        for (int run = 1; run <= 3; run++) { // RECONCILE_MAX_ATTEMPTS=3; each run pushes the payment a threshold on
            stack.reconcilerAhead(Duration.ofHours(run)).handleRequest(Events.tick(), null);
        }
        long afterGivingUp = stack.storedVersion(paymentId);
        stack.reconcilerAhead(Duration.ofHours(10)).handleRequest(Events.tick(), null);

        assertEquals("REDIRECTED", stack.state(paymentId), "no verdict, no guess");
        assertEquals(afterGivingUp, stack.storedVersion(paymentId), "left the sweep: needs a person");
        assertEquals(2 + 3, afterGivingUp, "claim, redirect, then one write per attempt");
    }
}
