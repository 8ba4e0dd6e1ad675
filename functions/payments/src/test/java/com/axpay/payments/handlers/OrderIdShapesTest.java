package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.ShopTransactionIds;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every order id the API takes starts a payment at Axerve (the simulator applies Amazon Pay's shopTransactionId
 * rule): 300 random UUIDs and the shapes that used to derive an id Axerve refuses ("order-", "a--b", ids of '-').
 */
class OrderIdShapesTest extends WithPaymentStack {

    @Test
    void uuidsAndEdgeShapedOrderIdsAllStartAPayment() {
        Random random = new Random(300L);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orders.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        String run = Long.toString(System.nanoTime(), 36); // the stack's table is fresh, the simulator's too
        orders.addAll(List.of("order-", "a--b", "-".repeat(64), "_".repeat(64), "-_".repeat(32),
                "x".repeat(63) + "-", "-" + run, run + "--" + run, "33434e71-28c6-48c1-bbcd-9dd4bec95a01"));
        List<String> refused = new ArrayList<>();
        Set<String> shopTransactionIds = new HashSet<>();
        for (String order : orders) {
            APIGatewayV2HTTPResponse r = stack.post(PaymentStack.body(order, "10.00"));
            if (r.getStatusCode() != 201) {
                refused.add(order + " -> " + r.getStatusCode() + " " + r.getBody());
                continue;
            }
            Map<String, Object> started = PaymentStack.json(r);
            String id = (String) started.get("shopTransactionId");
            assertTrue(ShopTransactionIds.acceptedByAxerve(id), id);
            assertTrue(shopTransactionIds.add(id), "shared " + id);
            assertEquals("REDIRECTED", started.get("state"));
        }
        assertEquals(List.of(), refused, refused.size() + " of " + orders.size() + " order ids did not start");
    }
}
