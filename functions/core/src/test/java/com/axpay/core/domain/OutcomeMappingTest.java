package com.axpay.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.Optional;

import static com.axpay.core.domain.Fixtures.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeMappingTest {

    @ParameterizedTest
    @CsvSource({
            "AUTHORIZED, AUTHORIZED",
            "CAPTURED, CAPTURED",
            "CANCELED, CANCELED",
            "REFUNDED, REFUNDED",
            "PENDING, PENDING",
            "DECLINED, DECLINED",
            "ABANDONED, ABANDONED",
            "NOT_FOUND, EXPIRED",
    })
    void verdictImpliesState(Verdict verdict, PaymentState expected) {
        assertEquals(Optional.of(expected), OutcomeMapping.nextState(outcome(verdict)));
    }

    @Test
    void anAnswerAboutTheCallIsNoVerdictOnThePayment() {
        assertEquals(Optional.empty(), OutcomeMapping.nextState(outcome(Verdict.NO_VERDICT)));
    }

    @ParameterizedTest
    @EnumSource(value = Verdict.class, names = {"AUTHORIZED", "CAPTURED"})
    void anApprovalForZeroChargedNothingAndOnlyTokenized(Verdict verdict) {
        GatewayOutcome o = new GatewayOutcome(verdict, null, null, null, "s", "b", null, new BigDecimal("0.00"),
                "EUR", null, null, null, "TOKEN123");

        assertEquals(Optional.of(PaymentState.TOKENIZED), OutcomeMapping.nextState(o));
    }

    @Test
    void theDeclineReasonIsTheAdaptersAndGenericWithoutOne() {
        GatewayOutcome o = Fixtures.outcome(Verdict.DECLINED, new GatewayOutcome.Decline(
                DeclineReason.INVALID_PAYMENT_METHOD, DeclineReason.INVALID_PAYMENT_METHOD,
                com.axpay.core.agreement.DeclineClass.SOFT, "InvalidPaymentMethod"), "E-1");

        assertEquals(DeclineReason.INVALID_PAYMENT_METHOD, OutcomeMapping.declineReason(o));
        assertEquals(DeclineReason.OTHER, OutcomeMapping.declineReason(Fixtures.outcome(Verdict.DECLINED, null, null)));
    }

    @Test
    void toStringCarriesNoBuyerDataOrToken() {
        GatewayOutcome o = new GatewayOutcome(Verdict.AUTHORIZED, null, "0", null, "s", "b", null, null, null,
                new Buyer("Maria Rossi", "maria@example.test"), null, null, "TOKEN123");

        String text = o.toString();
        assertEquals(-1, text.indexOf("Maria"));
        assertEquals(-1, text.indexOf("maria@"));
        assertEquals(-1, text.indexOf("TOKEN123"));
    }
}
