package com.axpay.recurring;


import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.kit.testing.SimAdmin;
import com.axpay.simulator.TransactionView;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.axpay.recurring.RecurringStack.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custom-widget flow through its handler: the storefront sends the Amazon Order Reference Id, we call
 * callPagamS2S (AMAZONPAY + transKey) on the simulator over HTTP and answer with the payment's outcome.
 */
class WidgetPaymentTest extends WithRecurringStack {

    static String orderReference() {
        return "S02-" + (1000000 + (int) (Math.random() * 8999999)) + "-" + (1000000 + (int) (Math.random() * 8999999));
    }

    /** An order reference the simulated Amazon issued (as its widgets would), charged as {@code success}. */
    static String issuedOrderReference(SimAdmin admin) throws Exception {
        String id = orderReference();
        admin.orderReference(id, "success");
        return id;
    }

    static APIGatewayV2HTTPResponse pay(String orderId, String amount, String orderReference) {
        return s.call(s.widget, ApiEvents.post("/payments/widget", "{\"orderId\":\"" + orderId + "\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"amazonOrderReferenceId\":\"" + orderReference + "\"}"));
    }

    @Test
    void paysWithTheOrderReferenceAndAnswersTheOutcome() throws Exception {
        String orderId = "w-" + UUID.randomUUID().toString().substring(0, 12);
        String ref = issuedOrderReference(s.admin);
        APIGatewayV2HTTPResponse r = pay(orderId, "25.00", ref);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> p = json(r);
        assertTrue(List.of("AUTHORIZED", "CAPTURED").contains(p.get("state")), r.getBody());
        assertEquals("25.00", p.get("amount"));

        List<TransactionView> atAxerve = s.sim.transactions().stream()
                .filter(t -> p.get("shopTransactionId").equals(t.shopTransactionId())).toList();
        assertEquals(1, atAxerve.size());
        assertEquals(ref, atAxerve.get(0).amazonOrderReferenceId(), "the transKey reached Axerve");

        APIGatewayV2HTTPResponse again = pay(orderId, "25.00", ref);
        assertEquals(200, again.getStatusCode(), "the same order answers the same payment");
        assertEquals(p.get("paymentId"), json(again).get("paymentId"));
        assertEquals(1, s.sim.transactions().stream()
                .filter(t -> ref.equals(t.amazonOrderReferenceId())).count(), "Axerve was called once");
        assertEquals(409, pay(orderId, "26.00", ref).getStatusCode(), "another amount on a live order conflicts");
    }

    @Test
    void aDeclinedOrderReferenceAnswersDeclined() throws Exception {
        String ref = orderReference();
        s.admin.orderReference(ref, "amazon-rejected");
        APIGatewayV2HTTPResponse r = pay("w-" + UUID.randomUUID().toString().substring(0, 12), "25.00", ref);
        assertEquals(201, r.getStatusCode(), r.getBody());
        assertEquals("DECLINED", json(r).get("state"));
    }

    /** What the simulated widgets do when the buyer signs in, picks address and method, and (maybe) consents. */
    static String widgetId(String agreementType, String selection) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String created = http.send(HttpRequest.newBuilder(URI.create(s.sim.baseUrl() + "/amazon/widgets/order-references"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sellerId\":\"A1SELLER\",\"buyerEmail\":"
                        + "\"anna@example.com\",\"agreementType\":\"" + agreementType + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String id = (String) com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(created).get("id");
        HttpResponse<String> chosen = http.send(HttpRequest.newBuilder(URI.create(s.sim.baseUrl()
                        + "/amazon/widgets/order-references/" + id)).POST(HttpRequest.BodyPublishers.ofString(selection))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chosen.statusCode(), chosen.body());
        return id;
    }

    static APIGatewayV2HTTPResponse payWithConsent(String orderId, String billingAgreementId) {
        return s.call(s.widget, ApiEvents.post("/payments/widget", "{\"orderId\":\"" + orderId + "\",\"amount\":"
                + "\"24.90\",\"currency\":\"EUR\",\"amazonOrderReferenceId\":\"" + billingAgreementId + "\","
                + "\"recurring\":{\"mode\":\"paynowandrecurring\",\"plan\":{\"amount\":\"24.90\","
                + "\"currency\":\"EUR\",\"interval\":\"P1M\"}}}"));
    }

    @Test
    void withConsentThePaymentYieldsAnAgreementThatChargesUpsells() throws Exception {
        String ba = widgetId("BillingAgreement", "{\"address\":2,\"method\":\"success\",\"consent\":true}");
        APIGatewayV2HTTPResponse r = payWithConsent("w-" + UUID.randomUUID().toString().substring(0, 12), ba);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> p = json(r);
        assertEquals("CAPTURED", p.get("state"), r.getBody());
        String agreementId = (String) p.get("agreementId");
        assertTrue(agreementId != null && !agreementId.isBlank(), r.getBody());

        APIGatewayV2HTTPResponse a = s.call(s.getAgreement, ApiEvents.agreement("GET", null, agreementId, null,
                ApiEvents.BEARER));
        assertEquals(200, a.getStatusCode(), a.getBody());
        assertEquals("ACTIVE", json(a).get("state"), a.getBody());
        assertFalse(a.getBody().contains(ba), "the token never leaves the back end");

        String upsell = "{\"chargeId\":\"upsell-x\",\"amount\":\"9.90\",\"currency\":\"EUR\"}";
        APIGatewayV2HTTPResponse first = s.call(s.charge, ApiEvents.agreement("POST", "charges", agreementId, upsell,
                ApiEvents.BEARER));
        assertEquals(201, first.getStatusCode(), first.getBody());
        APIGatewayV2HTTPResponse again = s.call(s.charge, ApiEvents.agreement("POST", "charges", agreementId, upsell,
                ApiEvents.BEARER));
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(1, s.sim.chargeCount(ba), "the billing agreement was charged once by its token");
    }

    @Test
    void withoutConsentThereIsNoAgreement() throws Exception {
        String ba = widgetId("BillingAgreement", "{\"address\":0,\"method\":\"success\"}");
        APIGatewayV2HTTPResponse r = payWithConsent("w-" + UUID.randomUUID().toString().substring(0, 12), ba);
        assertEquals(201, r.getStatusCode(), r.getBody());
        String agreementId = (String) json(r).get("agreementId");
        assertEquals(404, s.call(s.getAgreement, ApiEvents.agreement("GET", null, agreementId, null,
                ApiEvents.BEARER)).getStatusCode(), "no token came back, so no agreement exists");
    }

    @Test
    void aSoftDeclineFromTheWalletCarriesTheBuyerMessage() throws Exception {
        String ref = widgetId("OrderReference", "{\"address\":0,\"method\":\"invalid-payment-method-soft\"}");
        APIGatewayV2HTTPResponse r = pay("w-" + UUID.randomUUID().toString().substring(0, 12), "24.90", ref);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> p = json(r);
        assertEquals("DECLINED", p.get("state"));
        @SuppressWarnings("unchecked")
        Map<String, Object> decline = (Map<String, Object>) p.get("decline");
        assertEquals("INVALID_PAYMENT_METHOD", decline.get("reason"), r.getBody());
        assertFalse(((String) decline.get("buyerMessage")).isBlank());
    }

    @Test
    void anOrderReferenceAmazonNeverIssuedIsRefused() {
        APIGatewayV2HTTPResponse r = pay("w-" + UUID.randomUUID().toString().substring(0, 12), "25.00",
                orderReference());
        assertEquals(422, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains("gateway_rejected"), r.getBody());
    }

    @Test
    void rejectsAMissingOrderReferenceAndAMissingCredential() {
        APIGatewayV2HTTPResponse bad = s.call(s.widget, ApiEvents.post("/payments/widget",
                "{\"orderId\":\"w-1\",\"amount\":\"25.00\",\"currency\":\"EUR\"}"));
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("amazonOrderReferenceId"), bad.getBody());
        var noKey = ApiEvents.post("/payments/widget", "{}");
        noKey.getHeaders().remove("authorization");
        assertEquals(401, s.call(s.widget, noKey).getStatusCode());
    }
}
