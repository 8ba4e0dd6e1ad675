package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.PaymentStack.Paid;
import com.axpay.payments.stack.WithPaymentStack;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.soap.SettleRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.axpay.payments.stack.PaymentStack.SHOP;
import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cancel (callDeleteS2S) and capture (callSettleS2S) on a deferred-capture merchant, where payments stay AUTHORIZED
 * until captured; refunds of them wait for the capture.
 */
class CancelAndCaptureTest extends WithPaymentStack {

    private static CancelPaymentHandler cancel;
    private static CapturePaymentHandler capture;
    private static RefundPaymentHandler refunds;

    @BeforeAll
    static void startStack() {
        stack.admin.putMerchant(Map.of("shopLogin", SHOP, "captureMode", "deferred"));
        cancel = new CancelPaymentHandler(stack.wiring);
        capture = new CapturePaymentHandler(stack.wiring);
        refunds = new RefundPaymentHandler(stack.wiring);
    }

    @Test
    void anAuthorizationIsCancelledAtAxerveAndACancelAgainAnswersTheSame() {
        Paid a = authorized();
        APIGatewayV2HTTPResponse r = post(cancel, a.paymentId(), "cancel", "{\"reason\":\"out of stock\"}");
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("CANCELED", PaymentStack.json(r).get("state"));
        assertEquals("CANCELED", stack.state(a.paymentId()));
        assertEquals("CAN", stack.axerveTransaction(a.stx()).get("state"));
        assertEquals(200, post(cancel, a.paymentId(), "cancel", null).getStatusCode());
        assertEquals(409, RefundTest.refund(refunds, a.paymentId(), "r", "1.00", null).getStatusCode());
    }

    @Test
    void captureOnceThenASecondCaptureAndACancelAreRefused() {
        Paid a = authorized();
        assertEquals(409, RefundTest.refund(refunds, a.paymentId(), "early", "1.00", null).getStatusCode(),
                "nothing captured to refund yet");
        APIGatewayV2HTTPResponse first = post(capture, a.paymentId(), "capture", null);
        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("CAPTURED", PaymentStack.json(first).get("state"));
        assertEquals("MOV", stack.axerveTransaction(a.stx()).get("state"));

        APIGatewayV2HTTPResponse second = post(capture, a.paymentId(), "capture", null);
        assertEquals(409, second.getStatusCode());
        assertEquals("already_captured", RefundTest.error(second).get("code"));
        int events = events(a.stx());
        APIGatewayV2HTTPResponse late = post(cancel, a.paymentId(), "cancel", null);
        assertEquals(409, late.getStatusCode());
        assertEquals("already_captured", RefundTest.error(late).get("code"));
        assertEquals(events, events(a.stx()), "refused before Axerve was asked");
        assertEquals(201, RefundTest.refund(refunds, a.paymentId(), "after", "4.00", null).getStatusCode());
    }

    @Test
    void whenAxerveSaysItCannotCancelThePaymentIsRefreshedAndTheAnswerSaysWhy() {
        Paid a = authorized();
        // settled behind our back (e.g. in the Back Office): we still hold AUTHORIZED, Axerve answers 2017
        AxerveClient.create(AxerveConfig.builder().environment(AxerveEnvironment.custom(URI.create(
                stack.sim.baseUrl()))).shopLogin(SHOP).build()).callSettleS2S(SettleRequest.builder()
                .uicCode("242").amount("10.00").shopTransactionId(a.stx()).build());
        APIGatewayV2HTTPResponse r = post(cancel, a.paymentId(), "cancel", null);
        assertEquals(409, r.getStatusCode(), r.getBody());
        assertEquals("already_captured", RefundTest.error(r).get("code"));
        assertEquals("2017", RefundTest.error(r).get("axerveErrorCode"));
        assertEquals("CAPTURED", stack.state(a.paymentId()));
    }

    @Test
    void unknownPaymentsAndPaymentsWithoutAResultAreRefused() {
        assertEquals(404, post(cancel, "pay_missing", "cancel", null).getStatusCode());
        assertEquals(404, post(capture, "pay_missing", "capture", null).getStatusCode());
        String open = (String) stack.startOk(uniqueOrderId(), "5.00").get("paymentId");
        APIGatewayV2HTTPResponse r = post(cancel, open, "cancel", null);
        assertEquals(409, r.getStatusCode());
        assertEquals("invalid_state", RefundTest.error(r).get("code"));
        assertEquals(400, post(cancel, open, "cancel", "{\"reason\":" + "\"" + "x".repeat(51) + "\"}")
                .getStatusCode());
    }

    // ---- helpers

    private static Paid authorized() {
        return stack.paid("10.00", "AUTHORIZED");
    }

    private static APIGatewayV2HTTPResponse post(ApiHandler h, String paymentId, String op, String body) {
        return h.handleRequest(Events.paymentOperation(paymentId, op, body), null);
    }

    private static int events(String stx) {
        return ((List<?>) stack.axerveTransaction(stx).get("events")).size();
    }
}
