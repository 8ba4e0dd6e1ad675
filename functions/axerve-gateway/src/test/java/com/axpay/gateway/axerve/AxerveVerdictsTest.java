package com.axpay.gateway.axerve;

import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome.Decline;
import com.axpay.core.domain.Verdict;
import com.axpay.soap.TransactionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Axerve's results, states and codes read as core's verdicts: the one place core's decisions start from. */
class AxerveVerdictsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "OK, null, 0, AUTHORIZED",
            "OK, AUT, 0, AUTHORIZED",
            "OK, MOV, 0, CAPTURED",
            "OK, PRE, 0, CAPTURED",
            "OK, ' can ', 0, CANCELED",
            "OK, STO, 0, REFUNDED",
            "OK, NEW, 0, AUTHORIZED",
            "XX, null, 0, PENDING",
            "KO, null, 74, DECLINED",
            "KO, null, 5001, DECLINED",
            "KO, null, 1160, DECLINED",
            "KO, null, 1143, ABANDONED",
            "KO, null, 1140, ABANDONED",
            "KO, null, 2500, ABANDONED",
            "KO, null, 2011, NOT_FOUND",
            "KO, null, null, DECLINED",
            "KO, null, abc, DECLINED",
    })
    void resultAndStateAndCode(TransactionOutcome result, String state, String code, Verdict expected) {
        assertEquals(expected, AxerveVerdicts.verdict(result, state, code));
    }

    /** Codes about the call (system error, IP or apikey refused, already processed) never move a payment. */
    @ParameterizedTest
    @ValueSource(strings = {"9999", "1142", "1169", "1166", "1137", "4707", " 9999 "})
    void callFailuresAreNoVerdict(String code) {
        assertEquals(Verdict.NO_VERDICT, AxerveVerdicts.verdict(TransactionOutcome.KO, null, code));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
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
            "4800, EXPIRED",
            "' 74 ', AUTHORIZATION_DENIED",
            "1234, OTHER",
            "abc, OTHER",
            "null, OTHER",
    })
    void reasonFromTheCode(String code, DeclineReason expected) {
        Decline d = AxerveVerdicts.decline(code, null, null);
        assertEquals(expected, d.reason());
        assertEquals(DeclineReason.OTHER, d.walletReason());
    }

    @ParameterizedTest
    @CsvSource({
            "InvalidPaymentMethod, INVALID_PAYMENT_METHOD",
            "AmazonRejected, AMAZON_REJECTED",
            "TransactionTimedOut, TRANSACTION_TIMED_OUT",
            "ProcessingFailure, PROCESSING_FAILURE",
            "BuyerCanceled, ABANDONED_BY_BUYER",
            "Unheard, AUTHORIZATION_DENIED",
    })
    void amazonsReasonWinsOverTheGenericCode(String amazon, DeclineReason expected) {
        assertEquals(expected, AxerveVerdicts.decline("74", null, amazon).reason());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // code, description, Amazon's reason (OrderReferenceDetails), class, reason code kept
            "74, Autorizzazione negata, null, SOFT, null",
            "1160, Token non valido, null, HARD, null",
            "1165, Token non valido, null, HARD, null",
            "74, 'Negata - Amazon Pay: InvalidPaymentMethod (soft decline)', null, SOFT, InvalidPaymentMethod",
            "74, 'Negata - Amazon Pay: InvalidPaymentMethod (hard decline)', null, HARD, InvalidPaymentMethod",
            "74, 'Negata - Amazon Pay: InvalidPaymentMethod', null, HARD, InvalidPaymentMethod",
            "74, 'Negata - Amazon Pay: AmazonRejected', null, HARD, AmazonRejected",
            "74, 'Negata - Amazon Pay: TransactionTimedOut', null, SOFT, TransactionTimedOut",
            "74, null, PaymentMethodNotAllowed, HARD, PaymentMethodNotAllowed",
            "74, 'Amazon Pay: TransactionTimedOut', ' AmazonRejected ', HARD, AmazonRejected",
    })
    void softOrHard(String code, String description, String amazon, DeclineClass expected, String reasonCode) {
        Decline d = AxerveVerdicts.decline(code, description, amazon);
        assertEquals(expected, d.declineClass());
        assertEquals(reasonCode, d.reasonCode());
    }

    @Test
    void theDescriptionNamesTheReasonForChargesButNotTheBuyersMessage() {
        Decline d = AxerveVerdicts.decline("5001", "Amazon Pay: InvalidPaymentMethod (soft decline)", null);
        assertEquals(DeclineReason.PAYMENT_METHOD_NOT_ALLOWED, d.reason(), "the localized text never picks it");
    }
}
