package com.axpay.core.domain;

import com.axpay.core.domain.GatewayOutcome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static com.axpay.core.domain.Fixtures.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeMappingTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "OK, 0, null, AUTHORIZED",
            "OK, 0, AUT, AUTHORIZED",
            "OK, 0, MOV, CAPTURED",
            "OK, 0, PRE, CAPTURED",
            "OK, 0, CAN, CANCELED",
            "OK, 0, STO, REFUNDED",
            "XX, 0, null, PENDING",
            "KO, 74, null, DECLINED",
            "KO, 5001, null, DECLINED",
            "KO, 1143, null, ABANDONED",
            "KO, 1140, null, ABANDONED",
            "KO, 2011, null, EXPIRED",
    })
    void outcomeImpliesState(Result result, String code, String trxState, PaymentState expected) {
        assertEquals(Optional.of(expected), OutcomeMapping.nextState(outcome(result, code, trxState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "1142", "1169", "1137", "4707"})
    void callFailuresAreNoVerdictOnThePayment(String code) {
        assertEquals(Optional.empty(), OutcomeMapping.nextState(outcome(Result.KO, code, null)));
    }

    @Test
    void amazonReasonCodeWinsOverTheGenericErrorCode() {
        GatewayOutcome o = new GatewayOutcome(Result.KO, "74", null, null, "s", null, null, null, null, null, null,
                null, "InvalidPaymentMethod", null);

        assertEquals(DeclineReason.INVALID_PAYMENT_METHOD, OutcomeMapping.declineReason(o));
    }

    @Test
    void toStringCarriesNoBuyerDataOrToken() {
        GatewayOutcome o = new GatewayOutcome(Result.OK, "0", null, null, "s", "b", null, null, null,
                new Buyer("Maria Rossi", "maria@example.test"), null, null, null, "TOKEN123");

        String text = o.toString();
        assertEquals(-1, text.indexOf("Maria"));
        assertEquals(-1, text.indexOf("maria@"));
        assertEquals(-1, text.indexOf("TOKEN123"));
    }
}
