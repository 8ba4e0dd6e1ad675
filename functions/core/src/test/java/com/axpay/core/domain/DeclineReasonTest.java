package com.axpay.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclineReasonTest {

    @ParameterizedTest
    @CsvSource({
            "1143, ABANDONED_BY_BUYER",
            "2500, ABANDONED_BY_BUYER",
            "74, AUTHORIZATION_DENIED",
            "905, AUTHORIZATION_DENIED",
            "7600, AUTHORIZATION_DENIED",
            "251, INSUFFICIENT_FUNDS",
            "5001, PAYMENT_METHOD_NOT_ALLOWED",
            "5002, PAYMENT_PLAN_NOT_SET",
            "5003, SHIPPING_ADDRESS_NOT_SET",
            "2011, EXPIRED",
            "' 74 ', AUTHORIZATION_DENIED",
            "1234, OTHER",
            "abc, OTHER",
    })
    void axerveCodes(String code, DeclineReason expected) {
        assertEquals(expected, DeclineReason.fromErrorCode(code));
    }

    @ParameterizedTest
    @CsvSource({
            "InvalidPaymentMethod, INVALID_PAYMENT_METHOD",
            "AmazonRejected, AMAZON_REJECTED",
            "TransactionTimedOut, TRANSACTION_TIMED_OUT",
            "ProcessingFailure, PROCESSING_FAILURE",
            "Unheard, OTHER",
    })
    void amazonReasonCodes(String code, DeclineReason expected) {
        assertEquals(expected, DeclineReason.fromAmazonReasonCode(code));
    }

    @Test
    void invalidPaymentMethodTellsTheBuyerToUpdateIt() {
        assertEquals("Please update your payment method in your Amazon account and try again.",
                DeclineReason.INVALID_PAYMENT_METHOD.buyerMessage());
    }

    @Test
    void missingCodeIsOther() {
        assertEquals(DeclineReason.OTHER, DeclineReason.fromErrorCode(null));
        assertEquals(DeclineReason.OTHER, DeclineReason.fromAmazonReasonCode(null));
    }

    @ParameterizedTest
    @EnumSource(DeclineReason.class)
    void everyReasonHasABuyerMessageWithoutCodes(DeclineReason r) {
        assertFalse(r.buyerMessage().isBlank());
        assertFalse(r.buyerMessage().matches(".*\\d{2,}.*"), "no raw codes for buyers");
        assertTrue(r.buyerMessage().endsWith("."));
    }
}
