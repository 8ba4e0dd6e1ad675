package com.axpay.core.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopTransactionIdsTest {

    @Test
    void shortOrderIdsGiveAReadableId() {
        assertEquals("order-42-1", ShopTransactionIds.of("order-42", 1));
        assertEquals("order-42-2", ShopTransactionIds.of("order-42", 2));
    }

    @Test
    void longOrderIdsGiveAHashedIdOfExactly32AllowedCharacters() {
        String id = ShopTransactionIds.of("A".repeat(64), 7);

        assertEquals(32, id.length());
        assertTrue(ShopTransactionIds.ALLOWED.matcher(id).matches(), id);
        assertTrue(id.startsWith("AAAAAAAA"), id);
        assertTrue(id.endsWith("-7"), id);
    }

    @Test
    void sameInputSameIdInEveryProcess() {
        // Golden values (hash cross-checked with Python hashlib): a change would orphan stored payments.
        assertEquals("order_2026_000000000000000000-1", ShopTransactionIds.of("order_2026_000000000000000000", 1));
        assertEquals("order_20Uwv3KQQ3mkbv5vXkhmGlrT-3", ShopTransactionIds.of("order_2026_0000000000000000000000", 3));
    }

    @Test
    void differentPairsNeverShareAnId() {
        Set<String> seen = new HashSet<>();
        String[] orders = {"a", "a-1", "a-12", "a-1-2", "a1", "x".repeat(29), "x".repeat(30), "x".repeat(31),
                "x".repeat(64), "x".repeat(63) + "y", "y" + "x".repeat(63), "x".repeat(40) + "-1"};
        int count = 0;
        for (String order : orders) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                String id = ShopTransactionIds.of(order, attempt);
                assertTrue(ShopTransactionIds.ALLOWED.matcher(id).matches(), id);
                assertTrue(seen.add(id), "duplicate " + id + " for " + order + "/" + attempt);
                count++;
            }
        }
        assertEquals(orders.length * 12, count);
    }

    @Test
    void longIdsDifferingOnlyAtTheEndStayDistinct() {
        assertNotEquals(ShopTransactionIds.of("x".repeat(63) + "a", 1), ShopTransactionIds.of("x".repeat(63) + "b", 1));
    }

    @Test
    void edgeShapedOrderIdsGiveIdsAxerveTakes() {
        // each of these gave an id with "--" before, refused by Axerve (1105) on every retry
        for (String order : new String[] {"order-", "a--b", "-", "--", "_-", "-".repeat(64), "_".repeat(64),
                "33434e71-28c6-48c1-bbcd-9dd4bec95a01", "x".repeat(30) + "-", "-" + "x".repeat(63)}) {
            for (int attempt : new int[] {1, 2, 9, 10, 123, Integer.MAX_VALUE}) {
                String id = ShopTransactionIds.of(order, attempt);
                assertTrue(ShopTransactionIds.acceptedByAxerve(id), order + "/" + attempt + " -> " + id);
                assertTrue(id.endsWith("-" + attempt), id);
            }
        }
        assertEquals("order-1", ShopTransactionIds.of("order", 1));
        assertNotEquals("order--1", ShopTransactionIds.of("order-", 1));
    }

    @Test
    void theRuleAxerveAppliesToAmazonPayIds() {
        assertTrue(ShopTransactionIds.acceptedByAxerve("34az85ord20"));
        assertTrue(ShopTransactionIds.acceptedByAxerve("a-b_c-" + "x".repeat(26)));
        assertFalse(ShopTransactionIds.acceptedByAxerve("x".repeat(33)));
        assertFalse(ShopTransactionIds.acceptedByAxerve("a--b"));
        assertFalse(ShopTransactionIds.acceptedByAxerve("order.123"));
        assertFalse(ShopTransactionIds.acceptedByAxerve("order+123"));
        assertFalse(ShopTransactionIds.acceptedByAxerve(""));
        assertFalse(ShopTransactionIds.acceptedByAxerve(null));
    }

    @Test
    void rejectsWhatCouldNotBeAnOrderId() {
        assertThrows(IllegalArgumentException.class, () -> ShopTransactionIds.of("a b", 1));
        assertThrows(IllegalArgumentException.class, () -> ShopTransactionIds.of("", 1));
        assertThrows(IllegalArgumentException.class, () -> ShopTransactionIds.of("a", 0));
    }
}
