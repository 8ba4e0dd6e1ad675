package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.simulator.TransactionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.axpay.recurring.RecurringStack.json;
import static com.axpay.recurring.RecurringStack.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merchant's view end to end: POST /payments with {@code recurring}, the buyer on the simulator's page, the S2S
 * notification creating the agreement, then the agreement routes (GET, charges, cancel, resume) through their
 * handlers, on the simulator over HTTP and DynamoDB Local.
 */
class AgreementApiTest extends WithRecurringStack {

    static Map<String, Object> agreementFromPayment(String mode) throws Exception {
        Map<String, Object> a = s.agreementFromPayment(mode);
        assertEquals(ChargeIds.agreementIdFor((String) a.get("paymentId")), a.get("agreementId"),
                "the agreement is the payment's");
        Map<String, Object> payment = com.axpay.kit.http.PaymentJson.full(
                s.payments.getPayment().get((String) a.get("paymentId")).orElseThrow());
        assertEquals(a.get("agreementId"), payment.get("agreementId"), "GET /payments names the agreement");
        return a;
    }

    static Map<String, Object> get(String agreementId) {
        APIGatewayV2HTTPResponse r = s.call(s.getAgreement, ApiEvents.agreement("GET", null, agreementId, null,
                ApiEvents.BEARER));
        assertEquals(200, r.getStatusCode(), r.getBody());
        return json(r);
    }

    static APIGatewayV2HTTPResponse charge(String agreementId, String chargeId, String amount) {
        return s.call(s.charge, ApiEvents.agreement("POST", "charges", agreementId,
                "{\"chargeId\":\"" + chargeId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}",
                ApiEvents.BEARER));
    }

    @Test
    void payNowAndRecurringChargesNowAndSchedulesTheNextCycle() throws Exception {
        Map<String, Object> a = agreementFromPayment("paynowandrecurring");
        assertEquals("ACTIVE", a.get("state"));
        assertEquals("paynowandrecurring", a.get("mode"));
        assertEquals(1, a.get("cyclesCharged"), "the payment itself paid cycle 1");
        assertEquals(2, a.get("nextCycle"));
        Instant next = Instant.parse((String) a.get("nextChargeAt"));
        assertTrue(next.isAfter(Instant.now().plus(27, ChronoUnit.DAYS)), "cycle 2 is due a month later: " + next);
        assertEquals(Map.of("amount", "9.90", "currency", "EUR", "interval", "P1M"), a.get("plan"));

        String token = axerveTransaction(a).token();
        String body = s.call(s.getAgreement, ApiEvents.agreement("GET", null, (String) a.get("agreementId"), null,
                ApiEvents.BEARER)).getBody();
        assertFalse(body.contains(token), "the token never leaves the server");
        assertFalse(body.toLowerCase().contains("token"), body);

        s.tickAndDrain(); // not due yet
        assertEquals(0, s.sim.chargeCount(token));
    }

    @Test
    void onlyRecurringGetsATokenAndTheScheduleChargesCycleOne() throws Exception {
        Map<String, Object> a = agreementFromPayment("onlyrecurring");
        String agreementId = (String) a.get("agreementId");
        assertEquals("ACTIVE", a.get("state"));
        assertEquals(0, a.get("cyclesCharged"));
        assertEquals(1, a.get("nextCycle"));

        Map<String, Object> payment = s.payments.getPayment().get((String) a.get("paymentId"))
                .map(com.axpay.kit.http.PaymentJson::full).orElseThrow();
        assertEquals("TOKENIZED", payment.get("state"), "a token-only payment never reads as paid");
        assertTrue(axerveTransaction(a).events().isEmpty(), "Axerve authorized and charged nothing for the token");

        s.tickAndDrain();
        Map<String, Object> after = get(agreementId);
        assertEquals(1, after.get("cyclesCharged"));
        assertEquals(2, after.get("nextCycle"));
        Map<String, Object> charge = list(after.get("charges")).get(0);
        assertEquals("SUCCEEDED", charge.get("outcome"));
        assertEquals(1, charge.get("cycle"));
        assertEquals("9.90", charge.get("amount"));
    }

    @Test
    void upsellIsIdempotentByChargeId() throws Exception {
        Map<String, Object> a = agreementFromPayment("paynowandrecurring");
        String agreementId = (String) a.get("agreementId");
        String token = axerveTransaction(a).token();

        APIGatewayV2HTTPResponse first = charge(agreementId, "upsell-1", "4.50");
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals("SUCCEEDED", json(first).get("state"));
        APIGatewayV2HTTPResponse again = charge(agreementId, "upsell-1", "4.50");
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(json(first).get("shopTransactionId"), json(again).get("shopTransactionId"));

        APIGatewayV2HTTPResponse other = charge(agreementId, "upsell-1", "5.00");
        assertEquals(409, other.getStatusCode());
        assertTrue(other.getBody().contains("charge_conflict"), other.getBody());
        assertEquals(1, s.sim.chargeCount(token), "one charge at Axerve for the one chargeId");

        Map<String, Object> history = list(get(agreementId).get("charges")).get(0);
        assertEquals("upsell-1", history.get("chargeId"));
        assertEquals("4.50", history.get("amount"));
    }

    @Test
    void cancelEndsTheAgreementAndDeletesTheToken() throws Exception {
        Map<String, Object> a = agreementFromPayment("paynowandrecurring");
        String agreementId = (String) a.get("agreementId");
        String token = axerveTransaction(a).token();

        APIGatewayV2HTTPResponse r = s.call(s.cancel, ApiEvents.agreement("POST", "cancel", agreementId, null,
                ApiEvents.BEARER));
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("CANCELED", json(r).get("state"));
        assertEquals("CANCELED_BY_MERCHANT", json(r).get("endReason"));
        assertEquals("disabled", s.admin.tokenState(token));
        assertEquals(200, s.call(s.cancel, ApiEvents.agreement("POST", "cancel", agreementId, null,
                ApiEvents.BEARER)).getStatusCode(), "a repeated cancel answers the same");

        APIGatewayV2HTTPResponse upsell = charge(agreementId, "after-cancel", "1.00");
        assertEquals(409, upsell.getStatusCode());
        assertTrue(upsell.getBody().contains("agreement_not_chargeable"), upsell.getBody());
        assertEquals(409, s.call(s.resume, ApiEvents.agreement("POST", "resume", agreementId, null,
                ApiEvents.BEARER)).getStatusCode(), "a cancelled agreement does not resume");
    }

    @Test
    void hardDeclinedUpsellSuspendsAndResumeReactivates() throws Exception {
        Map<String, Object> a = agreementFromPayment("paynowandrecurring");
        String agreementId = (String) a.get("agreementId");
        String token = axerveTransaction(a).token();
        s.admin.tokenMode(token, "hard-decline", 1);

        APIGatewayV2HTTPResponse declined = charge(agreementId, "box", "3.00");
        assertEquals(201, declined.getStatusCode(), declined.getBody());
        assertEquals("DECLINED", json(declined).get("state"));
        assertEquals("HARD", json(declined).get("declineClass"));
        assertEquals("SUSPENDED", json(declined).get("agreementState"));
        assertEquals(409, charge(agreementId, "box-2", "3.00").getStatusCode(), "no charge while suspended");

        APIGatewayV2HTTPResponse resumed = s.call(s.resume, ApiEvents.agreement("POST", "resume", agreementId, null,
                ApiEvents.BEARER));
        assertEquals(200, resumed.getStatusCode(), resumed.getBody());
        assertEquals("ACTIVE", json(resumed).get("state"));
        assertEquals(201, charge(agreementId, "box-2", "3.00").getStatusCode());
        assertEquals(1, s.sim.chargeCount(token));
    }

    @Test
    void agreementRoutesNeedTheStorefrontCredentialAndAKnownId() {
        String unknown = ChargeIds.agreementIdFor("nobody");
        assertEquals(401, s.call(s.getAgreement, ApiEvents.agreement("GET", null, unknown, null, null))
                .getStatusCode());
        assertEquals(401, s.call(s.charge, ApiEvents.agreement("POST", "charges", unknown,
                "{\"chargeId\":\"x\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", "Bearer wrong")).getStatusCode());
        assertEquals(404, s.call(s.getAgreement, ApiEvents.agreement("GET", null, unknown, null, ApiEvents.BEARER))
                .getStatusCode());
        assertEquals(404, charge(unknown, "x", "1.00").getStatusCode());
        assertEquals(404, s.call(s.cancel, ApiEvents.agreement("POST", "cancel", unknown, null, ApiEvents.BEARER))
                .getStatusCode());
        APIGatewayV2HTTPResponse bad = charge(unknown, "bad id!", "-1");
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("chargeId") && bad.getBody().contains("amount"), bad.getBody());
    }

    private static String shopTransactionIdOfPayment(String paymentId) {
        return s.payments.getPayment().get(paymentId).orElseThrow().shopTransactionId();
    }

    private static TransactionView axerveTransaction(Map<String, Object> agreement) {
        return transactionOf(shopTransactionIdOfPayment((String) agreement.get("paymentId")));
    }

    private static TransactionView transactionOf(String shopTransactionId) {
        return s.sim.transactions().stream().filter(t -> shopTransactionId.equals(t.shopTransactionId())).findFirst()
                .orElseThrow();
    }
}
