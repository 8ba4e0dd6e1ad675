package com.axpay.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclineReasonTest {

    @Test
    void invalidPaymentMethodTellsTheBuyerToUpdateIt() {
        assertEquals("Please update your payment method in your Amazon account and try again.",
                DeclineReason.INVALID_PAYMENT_METHOD.buyerMessage());
    }

    @Test
    void onlyTheWalletsOwnReasonsNeedNoRefining() {
        assertTrue(DeclineReason.INVALID_PAYMENT_METHOD.walletOnly());
        assertTrue(DeclineReason.AMAZON_REJECTED.walletOnly());
        assertFalse(DeclineReason.AUTHORIZATION_DENIED.walletOnly(), "a gateway's generic code gives it too");
        assertFalse(DeclineReason.OTHER.walletOnly());
    }

    @ParameterizedTest
    @EnumSource(DeclineReason.class)
    void everyReasonHasABuyerMessageWithoutCodes(DeclineReason r) {
        assertFalse(r.buyerMessage().isBlank());
        assertFalse(r.buyerMessage().matches(".*\\d{2,}.*"), "no raw codes for buyers");
        assertTrue(r.buyerMessage().endsWith("."));
    }
}
