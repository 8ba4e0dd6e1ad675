package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack.S2sMode;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import com.axpay.simulator.NotificationView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.axpay.payments.stack.PaymentStack.RETURN_URL;
import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buyer's journeys end to end: storefront POST, payment page, S2S notification, browser return, status GET. */
class PaymentFlowTest extends WithPaymentStack {

    @Test
    void happyPathEndsCapturedWithBuyerAndBothAddresses() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "49.90");
        String paymentId = (String) started.get("paymentId");
        String stx = (String) started.get("shopTransactionId");
        assertEquals("REDIRECTED", started.get("state"));
        assertTrue(((String) started.get("redirectUrl")).startsWith(stack.sim.baseUrl() + "/pagam/pagam.aspx?a="));

        URI back = stack.payOnPage((String) started.get("redirectUrl"), "success");
        assertTrue(back.getPath().endsWith("/axerve/return/ok"));
        assertDelivered(stack.awaitNotifications(stx, 1));
        APIGatewayV2HTTPResponse redirect = stack.returnToShop(back);

        assertEquals(303, redirect.getStatusCode());
        assertEquals(RETURN_URL + "?paymentId=" + paymentId + "&state=CAPTURED", redirect.getHeaders().get("Location"));
        Map<String, Object> p = stack.payment(paymentId);
        assertEquals("CAPTURED", p.get("state"));
        assertEquals("49.90", p.get("amount"));
        assertEquals("EUR", p.get("currency"));
        assertNotNull(p.get("bankTransactionId"));
        assertEquals("0", p.get("errorCode"));
        Map<?, ?> buyer = (Map<?, ?>) p.get("buyer");
        assertNotNull(buyer.get("name"));
        String name = (String) buyer.get("name");
        assertEquals(name.substring(0, name.indexOf(' ')), buyer.get("firstName"));
        assertEquals(name.substring(name.indexOf(' ') + 1), buyer.get("lastName"));
        assertNotNull(buyer.get("email"));
        assertAddress(p.get("shippingAddress"));
        assertAddress(p.get("billingAddress"));
        assertNotNull(p.get("resolvedAt"));
        assertNull(p.get("redirectUrl"), "a paid payment offers no payment page any more");
        assertFalse(p.toString().toLowerCase().contains("token"));
    }

    @Test
    void abandonedOnThePageIsAbandonedWithABuyerMessage() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "10.00");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "abandon");
        assertTrue(back.getPath().endsWith("/axerve/return/ko"));
        assertDelivered(stack.awaitNotifications((String) started.get("shopTransactionId"), 1));

        APIGatewayV2HTTPResponse redirect = stack.returnToShop(back);

        assertEquals(RETURN_URL + "?paymentId=" + started.get("paymentId") + "&state=ABANDONED",
                redirect.getHeaders().get("Location"));
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("ABANDONED", p.get("state"));
        assertEquals("ABANDONED_BY_BUYER", ((Map<?, ?>) p.get("decline")).get("reason"));
    }

    @ParameterizedTest
    @CsvSource({
            "decline, AUTHORIZATION_DENIED, declined. Please use another payment method",
            "invalid-payment-method-soft, INVALID_PAYMENT_METHOD, update your payment method in your Amazon account",
            "invalid-payment-method-hard, INVALID_PAYMENT_METHOD, update your payment method in your Amazon account",
            "amazon-rejected, AMAZON_REJECTED, use another payment method",
            "transaction-timed-out, TRANSACTION_TIMED_OUT, in time",
            "payment-method-not-allowed, PAYMENT_METHOD_NOT_ALLOWED, choose another one",
            "payment-plan-not-set, PAYMENT_PLAN_NOT_SET, No payment method was selected",
            "shipping-address-not-set, SHIPPING_ADDRESS_NOT_SET, No shipping address"})
    void declinesCarryAmazonsReasonAndABuyerMessage(String scenario, String reason, String messagePart) {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "15.00");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), scenario);
        assertDelivered(stack.awaitNotifications((String) started.get("shopTransactionId"), 1));

        assertEquals(303, stack.returnToShop(back).getStatusCode());
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("DECLINED", p.get("state"));
        Map<?, ?> decline = (Map<?, ?>) p.get("decline");
        assertEquals(reason, decline.get("reason"));
        assertTrue(((String) decline.get("buyerMessage")).contains(messagePart), decline.toString());
        assertNotNull(p.get("errorCode"));
    }

    @Test
    void pendingThenOkConvergesToPaid() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "20.00");
        String stx = (String) started.get("shopTransactionId");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "pending-ok");
        assertTrue(back.getPath().endsWith("/ok"), "Axerve sends pending buyers to the positive URL");

        List<NotificationView> sent = stack.awaitNotifications(stx, 2);

        assertEquals(List.of("XX", "OK"), sent.stream().map(NotificationView::result).toList());
        assertDelivered(sent);
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("CAPTURED", p.get("state"));
        assertNotNull(p.get("shippingAddress"));
    }

    @Test
    void pendingThenKoConvergesToDeclined() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "21.00");
        String stx = (String) started.get("shopTransactionId");
        stack.payOnPage((String) started.get("redirectUrl"), "pending-ko");

        List<NotificationView> sent = stack.awaitNotifications(stx, 2);

        assertEquals(List.of("XX", "KO"), sent.stream().map(NotificationView::result).toList());
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("DECLINED", p.get("state"));
        assertEquals("AMAZON_REJECTED", ((Map<?, ?>) p.get("decline")).get("reason"));
    }

    @Test
    void okThenLateXxKeepsThePayment() {
        stack.admin.notifyOptions(Map.of("reorder", true));
        try {
            Map<String, Object> started = stack.startOk(uniqueOrderId(), "22.00");
            String stx = (String) started.get("shopTransactionId");
            stack.payOnPage((String) started.get("redirectUrl"), "pending-ok");

            List<NotificationView> sent = stack.awaitNotifications(stx, 2);

            assertDelivered(sent);
            assertEquals("CAPTURED", stack.state((String) started.get("paymentId")));
        } finally {
            stack.admin.notifyOptions(Map.of("reorder", false));
        }
    }

    @Test
    void aReplayedNotificationIsAcceptedAndChangesNothing() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "23.00");
        String paymentId = (String) started.get("paymentId");
        stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView first = stack.awaitNotifications((String) started.get("shopTransactionId"), 1).get(0);
        Map<String, Object> before = stack.payment(paymentId);

        APIGatewayV2HTTPResponse replay = stack.s2s.handleRequest(
                Events.axerveGet("/axerve/s2s", "a=" + first.shopLogin() + "&b=" + first.b()), null);

        assertEquals(200, replay.getStatusCode());
        assertEquals(before, stack.payment(paymentId), "a duplicate must not touch the record");
    }

    @Test
    void twentyConcurrentCopiesMakeOneTransitionAndAllGet200() {
        stack.admin.notifyOptions(Map.of("duplicates", 20));
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "24.00");
        String stx = (String) started.get("shopTransactionId");

        stack.payOnPage((String) started.get("redirectUrl"), "success");
        List<NotificationView> copies = stack.awaitNotifications(stx, 20);

        assertEquals(20, copies.size());
        for (NotificationView c : copies) {
            assertEquals(1, c.attempts().size(), "copy " + c.copy() + " needed a redelivery");
            assertEquals(200, c.attempts().get(0).status());
        }
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("CAPTURED", p.get("state"));
        assertNotNull(p.get("shippingAddress"));
        // writes: claim, redirect, the notification's transition, addresses, capture read back; a sixth is a second transition
        assertEquals(5, stack.storedVersion((String) started.get("paymentId")));
    }

    @Test
    void notificationBeforeTheReturnShowsTheFinalStateOnReturn() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "25.00");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "success");
        assertDelivered(stack.awaitNotifications((String) started.get("shopTransactionId"), 1));

        String location = stack.returnToShop(back).getHeaders().get("Location");

        assertTrue(location.endsWith("&state=CAPTURED"), location);
    }

    @Test
    void notificationAfterTheReturnShowsProcessingThenTheFinalState() {
        stack.s2sMode(S2sMode.HOLD);
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "26.00");
        String paymentId = (String) started.get("paymentId");
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "success");

        String location = stack.returnToShop(back).getHeaders().get("Location");
        assertTrue(location.endsWith("&state=REDIRECTED"), "the browser's word is not trusted: " + location);
        assertEquals("REDIRECTED", stack.state(paymentId));

        stack.releaseHeld();
        assertDelivered(stack.awaitNotifications((String) started.get("shopTransactionId"), 1));
        assertEquals("CAPTURED", stack.state(paymentId));
        assertTrue(stack.returnToShop(back).getHeaders().get("Location").endsWith("&state=CAPTURED"));
    }

    @Test
    void aTamperedResultStringIsRejectedAndChangesNothing() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "27.00");
        stack.s2sMode(S2sMode.DROP);
        URI back = stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView n = stack.awaitNotifications((String) started.get("shopTransactionId"), 1).get(0);
        String tampered = n.b().substring(0, n.b().length() - 4) + "AAAA";

        APIGatewayV2HTTPResponse s2s = stack.s2s.handleRequest(
                Events.axerveGet("/axerve/s2s", "a=" + n.shopLogin() + "&b=" + tampered), null);
        APIGatewayV2HTTPResponse ret = stack.returnToShop(
                URI.create(back.toString().replace(n.b(), tampered)));

        assertEquals(400, s2s.getStatusCode());
        assertEquals("undecryptable", errorCode(s2s));
        assertEquals(PaymentStack.DEFAULT_RETURN_URL + "?error=payment_not_found", ret.getHeaders().get("Location"));
        assertEquals("REDIRECTED", stack.state((String) started.get("paymentId")));
    }

    @Test
    void anotherShopsNotificationIsRejectedWithoutCallingAxerve() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "28.00");
        stack.s2sMode(S2sMode.DROP);
        stack.payOnPage((String) started.get("redirectUrl"), "success");
        NotificationView n = stack.awaitNotifications((String) started.get("shopTransactionId"), 1).get(0);

        APIGatewayV2HTTPResponse r = stack.s2s.handleRequest(
                Events.axerveGet("/axerve/s2s", "a=GESPAY99999&b=" + n.b()), null);

        assertEquals(403, r.getStatusCode());
        assertEquals("REDIRECTED", stack.state((String) started.get("paymentId")));
    }

    @Test
    void aNotificationForATransactionWeNeverStartedIsRejected() throws Exception {
        String foreign = "ext-" + uniqueOrderId();
        com.axpay.soap.AxerveClient direct = directClient();
        String crypt = direct.encrypt(com.axpay.soap.EncryptRequest.builder().uicCode("242").amount("5.00")
                .shopTransactionId(foreign).paymentType("AMAZONPAY").build()).cryptDecryptString();
        stack.s2sMode(S2sMode.DROP);
        stack.payOnPage(direct.paymentPageUrl(crypt).toString(), "success");
        NotificationView n = stack.awaitNotifications(foreign, 1).get(0);

        APIGatewayV2HTTPResponse r = stack.s2s.handleRequest(
                Events.axerveGet("/axerve/s2s", "a=" + n.shopLogin() + "&b=" + n.b()), null);

        assertEquals(404, r.getStatusCode());
        assertEquals("unknown_transaction", errorCode(r));
    }

    @Test
    void aNotificationWithAnotherAmountIsRejectedAndChangesNothing() {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), "30.00");
        String stx = (String) started.get("shopTransactionId");
        // Axerve accepts a new Encrypt for the same shopTransactionId until the buyer finishes: a different amount
        // reaches the page, and the notification carries it.
        com.axpay.soap.AxerveClient direct = directClient();
        String crypt = direct.encrypt(com.axpay.soap.EncryptRequest.builder().uicCode("242").amount("3.00")
                .shopTransactionId(stx).paymentType("AMAZONPAY").build()).cryptDecryptString();

        stack.payOnPage(direct.paymentPageUrl(crypt).toString(), "success");
        List<NotificationView> sent = stack.awaitNotifications(stx, 1);

        assertTrue(sent.get(0).attempts().stream().allMatch(a -> a.status() == 422), sent.toString());
        Map<String, Object> p = stack.payment((String) started.get("paymentId"));
        assertEquals("REDIRECTED", p.get("state"));
        assertEquals("30.00", p.get("amount"));
    }

    private static com.axpay.soap.AxerveClient directClient() {
        return com.axpay.soap.AxerveClient.create(com.axpay.soap.AxerveConfig.builder()
                .environment(com.axpay.soap.AxerveEnvironment.custom(URI.create(stack.sim.baseUrl())))
                .shopLogin(PaymentStack.SHOP).build());
    }

    static String errorCode(APIGatewayV2HTTPResponse r) {
        return (String) ((Map<?, ?>) PaymentStack.json(r).get("error")).get("code");
    }

    private static void assertDelivered(List<NotificationView> sent) {
        for (NotificationView n : sent) {
            assertTrue(n.delivered(), "notification " + n.result() + " not accepted: " + n.attempts());
        }
    }

    private static void assertAddress(Object address) {
        assertNotNull(address, "address");
        Map<?, ?> a = (Map<?, ?>) address;
        assertNotNull(a.get("addressLine1"));
        assertNotNull(a.get("city"));
        assertNotNull(a.get("postalCode"));
        assertNotNull(a.get("countryCode"));
    }
}
