package com.axpay.core.agreement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The dunning schedule of one cycle: soft declines retry, the last one ends the agreement, a resume starts afresh. */
class AgreementDunningTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final DunningPolicy TWO_RETRIES =
            new DunningPolicy(List.of(Duration.ofDays(1), Duration.ofDays(2)));

    private static Agreement onlyRecurring() {
        Plan plan = new Plan(new BigDecimal("9.90"), "EUR", Period.ofMonths(1), null, null);
        AgreementTerms terms = new AgreementTerms("agr_1", "pay_1", "order-1", RecurringMode.ONLY_RECURRING, plan, T0);
        return Agreement.fromToken(terms, "C02-0000000-0000000", T0);
    }

    private static Agreement decline(Agreement a, DeclineClass kind, Instant at) {
        ChargeRecord scheduled = ChargeRecord.scheduledCycle(a, at);
        ChargeRecord declined = new ChargeRecord(scheduled.agreementId(), scheduled.cycle(), scheduled.attempt(), null,
                scheduled.shopTransactionId(), scheduled.amount(), scheduled.currency(), ChargeState.DECLINED, "74",
                "InvalidPaymentMethod", kind, "1", at, 2, at, at);
        return a.afterDecline(declined, TWO_RETRIES, at);
    }

    @Test
    void softDeclinesRetryOnTheScheduleThenEndTheAgreement() {
        Agreement a = decline(onlyRecurring(), DeclineClass.SOFT, T0);
        assertEquals(AgreementState.PAST_DUE, a.state());
        assertEquals(2, a.attempt());
        assertEquals(T0.plus(Duration.ofDays(1)), a.nextChargeAt());

        a = decline(a, DeclineClass.SOFT, a.nextChargeAt());
        assertEquals(AgreementState.PAST_DUE, a.state());
        assertEquals(3, a.attempt());

        a = decline(a, DeclineClass.SOFT, a.nextChargeAt());
        assertEquals(AgreementState.CANCELED, a.state());
        assertEquals("RETRIES_EXHAUSTED", a.endReason());
        assertNull(a.nextChargeAt());
    }

    @Test
    void aResumedAgreementGetsTheWholeRetryScheduleAgain() {
        Agreement a = decline(onlyRecurring(), DeclineClass.SOFT, T0);            // attempt 1: soft
        a = decline(a, DeclineClass.SOFT, a.nextChargeAt());                      // attempt 2: soft
        a = decline(a, DeclineClass.HARD, a.nextChargeAt());                      // attempt 3: hard → suspended
        assertEquals(AgreementState.SUSPENDED, a.state());

        Instant fixed = T0.plus(Duration.ofDays(10));
        a = a.resumed(fixed);
        assertEquals(AgreementState.ACTIVE, a.state());
        assertEquals(4, a.attempt());                                              // a new shopTransactionId

        // the first soft decline after the buyer fixed the method is retry 1 of 2, not the end of the old run
        a = decline(a, DeclineClass.SOFT, fixed);
        assertEquals(AgreementState.PAST_DUE, a.state());
        assertEquals(fixed.plus(Duration.ofDays(1)), a.nextChargeAt());
        a = decline(a, DeclineClass.SOFT, a.nextChargeAt());
        assertEquals(AgreementState.PAST_DUE, a.state());
        a = decline(a, DeclineClass.SOFT, a.nextChargeAt());
        assertEquals(AgreementState.CANCELED, a.state());
    }
}
