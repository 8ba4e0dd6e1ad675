package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.PaymentStack.Paid;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /payments/{paymentId}/refunds against DynamoDB Local and the simulator (immediate-capture merchant). */
class RefundTest extends WithPaymentStack {

    private static RefundPaymentHandler refunds;

    @BeforeAll
    static void startStack() {
        refunds = new RefundPaymentHandler(stack.wiring);
    }

    @Test
    void partialThenFullRefundMovesTheStateAndAxerveAgrees() {
        Paid p = paid("10.00");
        APIGatewayV2HTTPResponse first = refund(refunds, p.paymentId(), "r-1", "4.00", "damaged box");
        assertEquals(201, first.getStatusCode(), first.getBody());
        Map<String, Object> body = PaymentStack.json(first);
        assertEquals("SUCCEEDED", body.get("state"));
        assertEquals("damaged box", body.get("reason"));
        assertEquals("PARTIALLY_REFUNDED", payment(body).get("state"));
        assertEquals("4.00", payment(body).get("refundedAmount"));
        assertEquals("6.00", payment(body).get("refundableAmount"));

        APIGatewayV2HTTPResponse rest = refund(refunds, p.paymentId(), "r-2", "6.00", null);
        assertEquals(201, rest.getStatusCode(), rest.getBody());
        Map<String, Object> stored = stack.payment(p.paymentId());
        assertEquals("REFUNDED", stored.get("state"));
        assertEquals("10.00", stored.get("refundedAmount"));
        assertEquals(new BigDecimal("10.00"), axerveRefunded(p.stx()));
        APIGatewayV2HTTPResponse more = refund(refunds, p.paymentId(), "r-3", "0.01", null);
        assertEquals(422, more.getStatusCode(), "nothing is left");
        assertEquals("exceeds_balance", error(more).get("code"));
    }

    @Test
    void sameRefundIdAnswersWithTheSameRefundAndAnotherAmountIsAConflict() {
        Paid p = paid("10.00");
        assertEquals(201, refund(refunds, p.paymentId(), "same-key", "2.50", null).getStatusCode());
        APIGatewayV2HTTPResponse again = refund(refunds, p.paymentId(), "same-key", "2.50", null);
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals("SUCCEEDED", PaymentStack.json(again).get("state"));
        APIGatewayV2HTTPResponse other = refund(refunds, p.paymentId(), "same-key", "3.00", null);
        assertEquals(409, other.getStatusCode());
        assertEquals("refund_id_conflict", error(other).get("code"));
        assertEquals(new BigDecimal("2.50"), axerveRefunded(p.stx()), "Axerve refunded once");
        assertEquals("2.50", stack.payment(p.paymentId()).get("refundedAmount"));
    }

    @Test
    void aRefundOverTheBalanceIsRefusedBeforeAxerveIsAsked() {
        Paid p = paid("10.00");
        assertEquals(201, refund(refunds, p.paymentId(), "a", "7.00", null).getStatusCode());
        int eventsBefore = axerveEvents(p.stx());
        APIGatewayV2HTTPResponse over = refund(refunds, p.paymentId(), "b", "3.01", null);
        assertEquals(422, over.getStatusCode());
        assertEquals("exceeds_balance", error(over).get("code"));
        assertTrue(((String) error(over).get("message")).contains("3.00"), "says what is left");
        assertEquals(eventsBefore, axerveEvents(p.stx()), "Axerve was not called");
    }

    @Test
    void tenConcurrentRefundsNeverExceedTheCapturedAmount() throws Exception {
        Paid p = paid("10.00");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String id = "c-" + i;
                answers.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return refund(refunds, p.paymentId(), id, "3.00", null).getStatusCode();
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> f : answers) {
                int status = f.get(60, TimeUnit.SECONDS);
                assertTrue(status == 201 || status == 422, "status " + status);
                ok += status == 201 ? 1 : 0;
            }
            assertEquals(3, ok, "3 x 3.00 fit in 10.00, a fourth does not");
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> stored = stack.payment(p.paymentId());
        assertEquals("9.00", stored.get("refundedAmount"));
        assertEquals("PARTIALLY_REFUNDED", stored.get("state"));
        assertEquals(new BigDecimal("9.00"), axerveRefunded(p.stx()));
    }

    @Test
    void aLostAnswerIsSettledFromAxervesBalanceNotSentTwice() {
        Paid p = paid("10.00");
        // Axerve refunds, but its answer comes after our read timeout
        stack.admin.fault(Map.of("operation", "callRefundS2S", "kind", "timeout", "delayMs", 4000, "times", 1,
                "process", true));
        APIGatewayV2HTTPResponse lost = refund(refunds, p.paymentId(), "lost-1", "3.00", null);
        assertEquals(504, lost.getStatusCode(), lost.getBody());
        assertEquals(202, refund(refunds, p.paymentId(), "lost-1", "3.00", null).getStatusCode(),
                "still in flight: kept pending");

        APIGatewayV2HTTPResponse later = refund(later(), p.paymentId(), "lost-1", "3.00", null);
        assertEquals(200, later.getStatusCode(), later.getBody());
        assertEquals("SUCCEEDED", PaymentStack.json(later).get("state"));
        assertEquals("3.00", stack.payment(p.paymentId()).get("refundedAmount"));
        assertEquals(new BigDecimal("3.00"), axerveRefunded(p.stx()), "sent once");
    }

    @Test
    void theReconcilerSettlesALostRefundNobodyAskedAboutAgain() {
        Paid p = paid("10.00");
        stack.admin.fault(Map.of("operation", "callRefundS2S", "kind", "timeout", "delayMs", 4000, "times", 1,
                "process", true));
        assertEquals(504, refund(refunds, p.paymentId(), "swept-1", "2.00", null).getStatusCode());
        assertEquals("0.00", stack.payment(p.paymentId()).get("refundedAmount"));

        Map<String, Integer> run = stack.reconcilerAhead(Duration.ofMinutes(5)).handleRequest(new ScheduledEvent(),
                null);
        assertTrue(run.get("refundsSettled") >= 1, run.toString());
        assertEquals("2.00", stack.payment(p.paymentId()).get("refundedAmount"));
        assertEquals("PARTIALLY_REFUNDED", stack.state(p.paymentId()));
        assertEquals(new BigDecimal("2.00"), axerveRefunded(p.stx()), "sent once");
        APIGatewayV2HTTPResponse again = refund(refunds, p.paymentId(), "swept-1", "2.00", null);
        assertEquals(200, again.getStatusCode());
        assertEquals("SUCCEEDED", PaymentStack.json(again).get("state"));
    }

    @Test
    void aRefundAxerveNeverReceivedIsSentAgainUnderTheSameId() {
        Paid p = paid("10.00");
        stack.admin.fault(Map.of("operation", "callRefundS2S", "kind", "timeout", "delayMs", 4000, "times", 1,
                "process", false));
        assertEquals(504, refund(refunds, p.paymentId(), "never-1", "3.00", null).getStatusCode());
        assertEquals(BigDecimal.ZERO.setScale(2), axerveRefunded(p.stx()));

        APIGatewayV2HTTPResponse later = refund(later(), p.paymentId(), "never-1", "3.00", null);
        assertEquals(200, later.getStatusCode(), later.getBody());
        assertEquals("SUCCEEDED", PaymentStack.json(later).get("state"));
        assertEquals(new BigDecimal("3.00"), axerveRefunded(p.stx()));
        assertEquals("7.00", payment(PaymentStack.json(later)).get("refundableAmount"));
    }

    @Test
    void badRequestsAndUnknownPaymentsAreRefused() {
        Paid p = paid("10.00");
        APIGatewayV2HTTPResponse number = refunds.handleRequest(Events.paymentOperation(p.paymentId(), "refunds",
                "{\"refundId\":\"n\",\"amount\":3.0}"), null);
        assertEquals(400, number.getStatusCode());
        assertEquals(400, refund(refunds, p.paymentId(), "has space", "1.00", null).getStatusCode());
        assertEquals(400, refund(refunds, p.paymentId(), "z", "0.00", null).getStatusCode());
        assertEquals(400, refund(refunds, p.paymentId(), "z", "1.005", null).getStatusCode());
        assertEquals(404, refund(refunds, "pay_missing", "z", "1.00", null).getStatusCode());
        assertEquals(401, refunds.handleRequest(Events.post("/payments/x/refunds", "{}", Map.of()), null)
                .getStatusCode());
    }

    @Test
    void aPaymentNotCapturedCannotBeRefunded() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "10.00");
        APIGatewayV2HTTPResponse r = refund(refunds, (String) started.get("paymentId"), "x", "1.00", null);
        assertEquals(409, r.getStatusCode());
        assertEquals("invalid_state", error(r).get("code"));
    }

    // ---- helpers

    /** A payment the buyer completed: CAPTURED once the notification and Axerve's query are stored. */
    static Paid paid(String amount) {
        return stack.paid(amount, "CAPTURED");
    }

    /** A handler whose clock is past the in-flight lease, as a storefront retrying minutes later sees it. */
    private static RefundPaymentHandler later() {
        return new RefundPaymentHandler(stack.wiring.withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5))));
    }

    static APIGatewayV2HTTPResponse refund(RefundPaymentHandler h, String paymentId, String refundId, String amount,
                                           String reason) {
        String body = "{\"refundId\":\"" + refundId + "\",\"amount\":\"" + amount + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        return h.handleRequest(Events.paymentOperation(paymentId, "refunds", body), null);
    }

    private static Map<?, ?> payment(Map<String, Object> refund) {
        return (Map<?, ?>) refund.get("payment");
    }

    static Map<?, ?> error(APIGatewayV2HTTPResponse r) {
        return (Map<?, ?>) PaymentStack.json(r).get("error");
    }

    private static BigDecimal axerveRefunded(String stx) {
        Map<?, ?> tx = stack.axerveTransaction(stx);
        return new BigDecimal(String.valueOf(tx.get("refundedAmount"))).setScale(2);
    }

    private static int axerveEvents(String stx) {
        return ((List<?>) stack.axerveTransaction(stx).get("events")).size();
    }
}
