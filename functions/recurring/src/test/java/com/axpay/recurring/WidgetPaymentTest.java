package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.simulator.TransactionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.axpay.recurring.RecurringStack.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custom-widget flow through its handler: the storefront sends the Amazon Order Reference Id, we call
 * callPagamS2S (AMAZONPAY + transKey) on the simulator over HTTP and answer with the payment's outcome.
 */
class WidgetPaymentTest {

    static RecurringStack s;

    @BeforeAll
    static void start() {
        s = RecurringStack.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String orderReference() {
        return "S02-" + (1000000 + (int) (Math.random() * 8999999)) + "-" + (1000000 + (int) (Math.random() * 8999999));
    }

    static APIGatewayV2HTTPResponse pay(String orderId, String amount, String orderReference) {
        return s.call(s.widget, ApiEvents.post("/payments/widget", "{\"orderId\":\"" + orderId + "\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"amazonOrderReferenceId\":\"" + orderReference + "\"}"));
    }

    @Test
    void paysWithTheOrderReferenceAndAnswersTheOutcome() {
        String orderId = "w-" + UUID.randomUUID().toString().substring(0, 12);
        String ref = orderReference();
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
