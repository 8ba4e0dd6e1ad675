package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.Verdict;
import com.axpay.core.fakes.InMemoryAgreements;
import com.axpay.core.fakes.MutableClock;
import com.axpay.core.fakes.Outcomes;
import com.axpay.core.fakes.ScriptedGateway;
import com.axpay.core.fakes.ScriptedGateway.Op;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.GatewayException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suspension, resume and cancel of an agreement on in-memory ports. */
class AgreementLifecycleOnFakesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final BigDecimal AMOUNT = new BigDecimal("9.90");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAgreements agreements = new InMemoryAgreements();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final ChargeProcessor processor = new ChargeProcessor(agreements, gateway,
            new DunningPolicy(List.of(Duration.ofDays(1), Duration.ofDays(2))), clock, Duration.ofSeconds(30));

    @BeforeEach
    void anActiveAgreementDueNow() {
        agreements.create(Agreement.fromToken(new AgreementTerms("agr-1", "pay-1", "order-1",
                RecurringMode.ONLY_RECURRING, new Plan(AMOUNT, "EUR", Period.ofMonths(1), null, null), T0),
                "tok-1", T0), null);
    }

    private Agreement agreement() {
        return agreements.findById("agr-1").orElseThrow();
    }

    private ChargeRecord charge(Verdict verdict, DeclineClass declineClass) {
        ChargeRecord c = ChargeRecord.scheduledCycle(agreement(), clock.instant());
        agreements.createCharge(c);
        gateway.answer(Op.CHARGE, c.shopTransactionId(), verdict == Verdict.DECLINED
                ? Outcomes.declined(c.shopTransactionId(), DeclineReason.AUTHORIZATION_DENIED, declineClass, null)
                : Outcomes.of(verdict, c.shopTransactionId(), AMOUNT, "EUR"));
        processor.process(c.key());
        return agreements.findCharge(c.key()).orElseThrow();
    }

    @Test
    void aResumedAgreementGetsTheWholeDunningScheduleAgain() {
        charge(Verdict.DECLINED, DeclineClass.SOFT);                 // attempt 1: soft, first step
        clock.advance(Duration.ofDays(1));
        charge(Verdict.DECLINED, DeclineClass.HARD);                 // attempt 2: hard, suspended
        assertEquals(AgreementState.SUSPENDED, agreement().state());
        assertFalse(agreement().isDue(clock.instant().plus(Duration.ofDays(400))), "never charged while suspended");

        Agreement resumed = new ResumeAgreement(agreements, clock).resume("agr-1");
        assertEquals(AgreementState.ACTIVE, resumed.state());
        assertEquals(3, resumed.attempt(), "a new attempt of the unpaid cycle");
        assertTrue(resumed.isDue(clock.instant()), "due at once");

        charge(Verdict.DECLINED, DeclineClass.SOFT);                 // attempt 3: soft again
        assertEquals(AgreementState.PAST_DUE, agreement().state());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), agreement().nextChargeAt(),
                "the first step of the schedule, not the leftovers of the run before the suspension");
    }

    @Test
    void resumingAnActiveAgreementChangesNothingAndACanceledOneIsRefused() {
        Agreement before = agreement();
        assertEquals(before, new ResumeAgreement(agreements, clock).resume("agr-1"));

        gateway.answer(Op.DELETE_TOKEN, "tok-1", null);
        new CancelAgreement(agreements, gateway, processor, clock).cancel("agr-1");
        AgreementException e = assertThrows(AgreementException.class,
                () -> new ResumeAgreement(agreements, clock).resume("agr-1"));
        assertEquals(AgreementException.Reason.NOT_CHARGEABLE, e.reason());
    }

    @Test
    void aCancelWithAChargeOfUnknownOutcomeIsRefusedUntilTheQueryKnows() {
        ChargeRecord c = charge(Verdict.NO_VERDICT, null);
        assertEquals(ChargeState.UNKNOWN, c.state());
        gateway.fail(Op.QUERY, c.shopTransactionId(), ScriptedGateway.failure(Kind.TIMEOUT, true));
        CancelAgreement cancel = new CancelAgreement(agreements, gateway, processor, clock);

        AgreementException e = assertThrows(AgreementException.class, () -> cancel.cancel("agr-1"));
        assertEquals(AgreementException.Reason.CHARGE_IN_PROGRESS, e.reason());
        assertEquals(AgreementState.ACTIVE, agreement().state());

        gateway.answer(Op.QUERY, c.shopTransactionId(), Outcomes.of(Verdict.CAPTURED, c.shopTransactionId(), AMOUNT,
                "EUR"));
        gateway.answer(Op.DELETE_TOKEN, "tok-1", null);
        Agreement canceled = cancel.cancel("agr-1");

        assertEquals(AgreementState.CANCELED, canceled.state());
        assertTrue(canceled.tokenDeleted());
        assertEquals(ChargeState.SUCCEEDED, agreements.findCharge(c.key()).orElseThrow().state(),
                "the charge that did happen is recorded");
    }

    @Test
    void aFailedTokenDeletionLeavesTheAgreementCanceledAndARepeatDeletesIt() {
        CancelAgreement cancel = new CancelAgreement(agreements, gateway, processor, clock);
        gateway.fail(Op.DELETE_TOKEN, "tok-1", ScriptedGateway.failure(Kind.SYSTEM, false));

        assertThrows(GatewayException.class, () -> cancel.cancel("agr-1"));
        assertEquals(AgreementState.CANCELED, agreement().state(), "no new charge is claimed from here on");
        assertFalse(agreement().tokenDeleted());

        gateway.answer(Op.DELETE_TOKEN, "tok-1", null);
        assertTrue(cancel.cancel("agr-1").tokenDeleted());
        assertTrue(cancel.cancel("agr-1").tokenDeleted(), "a third cancel changes nothing");
        assertEquals(2, gateway.count(Op.DELETE_TOKEN, "tok-1"));
    }
}
