package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The recurring charge's rules on in-memory ports: verdicts, decline classes, dunning steps, unknown outcomes. */
class ChargeProcessorOnFakesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final BigDecimal AMOUNT = new BigDecimal("9.90");
    private static final DunningPolicy DUNNING = new DunningPolicy(
            java.util.List.of(Duration.ofDays(1), Duration.ofDays(3)));

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAgreements agreements = new InMemoryAgreements();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final ChargeProcessor processor = new ChargeProcessor(agreements, gateway, DUNNING, clock,
            Duration.ofSeconds(30));
    private Agreement agreement;

    @BeforeEach
    void anActiveAgreementDueNow() {
        AgreementTerms terms = new AgreementTerms("agr-1", "pay-1", "order-1", RecurringMode.ONLY_RECURRING,
                new Plan(AMOUNT, "EUR", Period.ofMonths(1), null, 3), T0);
        agreement = Agreement.fromToken(terms, "tok-1", T0);
        agreements.create(agreement, null);
    }

    /** The gateway's answer to the charge call of {@code c}: {@code verdict} for the full amount. */
    private void answer(ChargeRecord c, Verdict verdict) {
        gateway.answer(Op.CHARGE, c.shopTransactionId(), Outcomes.of(verdict, c.shopTransactionId(), AMOUNT, "EUR"));
    }

    private void answerDeclined(ChargeRecord c, DeclineReason reason, DeclineClass declineClass, String code) {
        gateway.answer(Op.CHARGE, c.shopTransactionId(),
                Outcomes.declined(c.shopTransactionId(), reason, declineClass, code));
    }

    private ChargeRecord scheduleCurrent() {
        Agreement a = agreements.findById("agr-1").orElseThrow();
        ChargeRecord c = ChargeRecord.scheduledCycle(a, clock.instant());
        agreements.createCharge(c);
        return c;
    }

    @Test
    void anApprovalSettlesTheCycleAndSchedulesTheNextOne() {
        ChargeRecord c = scheduleCurrent();
        answer(c, Verdict.CAPTURED);

        ChargeProcessor.Result r = processor.process(c.key());

        assertEquals(ChargeProcessor.Status.SETTLED, r.status());
        assertEquals(ChargeState.SUCCEEDED, r.charge().state());
        assertEquals("bank-" + c.shopTransactionId(), r.charge().bankTransactionId());
        Agreement a = agreements.findById("agr-1").orElseThrow();
        assertEquals(AgreementState.ACTIVE, a.state());
        assertEquals(2, a.cycle());
        assertEquals(T0.plus(Duration.ofDays(31)), a.nextChargeAt(), "one month after the anchor (March has 31)");
        assertEquals(AgreementEvent.Type.CHARGED, agreements.events().getLast().type());
    }

    @Test
    void aSettledChargeIsNeverSentAgain() {
        ChargeRecord c = scheduleCurrent();
        answer(c, Verdict.AUTHORIZED);
        processor.process(c.key());

        ChargeProcessor.Result again = processor.process(c.key());

        assertEquals(ChargeProcessor.Status.SETTLED, again.status());
        assertEquals(1, gateway.count(Op.CHARGE, c.shopTransactionId()));
    }

    @Test
    void softDeclinesWalkTheDunningScheduleThenCancel() {
        ChargeRecord first = scheduleCurrent();
        answerDeclined(first, DeclineReason.AUTHORIZATION_DENIED, DeclineClass.SOFT, null);
        ChargeProcessor.Result r1 = processor.process(first.key());

        assertEquals(ChargeState.DECLINED, r1.charge().state());
        assertEquals(DeclineClass.SOFT, r1.charge().declineClass());
        assertEquals("E-DECLINED", r1.charge().errorCode(), "the gateway's code is kept as given");
        Agreement a = agreements.findById("agr-1").orElseThrow();
        assertEquals(AgreementState.PAST_DUE, a.state());
        assertEquals(2, a.attempt());
        assertEquals(T0.plus(Duration.ofDays(1)), a.nextChargeAt(), "first dunning step");

        clock.advance(Duration.ofDays(1));
        ChargeRecord second = scheduleCurrent();
        answerDeclined(second, DeclineReason.INSUFFICIENT_FUNDS, DeclineClass.SOFT, null);
        processor.process(second.key());
        a = agreements.findById("agr-1").orElseThrow();
        assertEquals(AgreementState.PAST_DUE, a.state());
        assertEquals(3, a.attempt());
        assertEquals(clock.instant().plus(Duration.ofDays(3)), a.nextChargeAt(), "second dunning step");

        clock.advance(Duration.ofDays(3));
        ChargeRecord third = scheduleCurrent();
        answerDeclined(third, DeclineReason.AUTHORIZATION_DENIED, DeclineClass.SOFT, null);
        processor.process(third.key());
        a = agreements.findById("agr-1").orElseThrow();
        assertEquals(AgreementState.CANCELED, a.state(), "retries used up");
        assertEquals("RETRIES_EXHAUSTED", a.endReason());
        assertNull(a.nextChargeAt());
        assertEquals(3, a.history().size());
    }

    @Test
    void aHardDeclineSuspendsAndKeepsTheWalletsReasonCode() {
        ChargeRecord c = scheduleCurrent();
        answerDeclined(c, DeclineReason.AMAZON_REJECTED, DeclineClass.HARD, "AmazonRejected");

        ChargeProcessor.Result r = processor.process(c.key());

        assertEquals(DeclineClass.HARD, r.charge().declineClass());
        assertEquals("AmazonRejected", r.charge().reasonCode());
        Agreement a = agreements.findById("agr-1").orElseThrow();
        assertEquals(AgreementState.SUSPENDED, a.state());
        assertEquals("HARD_DECLINE", a.endReason());
        assertEquals(AgreementEvent.Type.SUSPENDED, agreements.events().getLast().type());
    }

    /** Pending, or an answer about the call: the charge is unknown and the query decides it later. */
    @ParameterizedTest
    @EnumSource(value = Verdict.class, names = {"PENDING", "NO_VERDICT"})
    void noVerdictLeavesTheChargeUnknownUntilTheQueryDecides(Verdict verdict) {
        ChargeRecord c = scheduleCurrent();
        answer(c, verdict);

        ChargeProcessor.Result r = processor.process(c.key());
        assertEquals(ChargeProcessor.Status.UNRESOLVED, r.status());
        assertEquals(ChargeState.UNKNOWN, agreements.findCharge(c.key()).orElseThrow().state());
        assertEquals(agreement.cycle(), agreements.findById("agr-1").orElseThrow().cycle(), "agreement untouched");

        gateway.answer(Op.QUERY, c.shopTransactionId(), Outcomes.of(Verdict.CAPTURED, c.shopTransactionId(), AMOUNT,
                "EUR"));
        ChargeProcessor.Result later = processor.process(c.key());

        assertEquals(ChargeState.SUCCEEDED, later.charge().state());
        assertEquals(1, gateway.count(Op.CHARGE, c.shopTransactionId()), "never charged twice");
    }

    @Test
    void aLostAnswerIsQueriedAndSentAgainOnlyWhenTheGatewayNeverSawIt() {
        ChargeRecord c = scheduleCurrent();
        gateway.fail(Op.CHARGE, c.shopTransactionId(), ScriptedGateway.failure(Kind.TIMEOUT, true));

        assertEquals(ChargeProcessor.Status.UNRESOLVED, processor.process(c.key()).status());
        assertEquals(ChargeState.UNKNOWN, agreements.findCharge(c.key()).orElseThrow().state());

        // the query still fails: nothing is sent, the charge stays unknown
        gateway.fail(Op.QUERY, c.shopTransactionId(), ScriptedGateway.failure(Kind.TRANSPORT, true));
        assertEquals(ChargeProcessor.Status.UNRESOLVED, processor.process(c.key()).status());
        assertEquals(1, gateway.count(Op.CHARGE, c.shopTransactionId()));

        // the gateway never saw it: sent again under the same shopTransactionId
        gateway.fail(Op.QUERY, c.shopTransactionId(), ScriptedGateway.failure(Kind.NOT_FOUND, false));
        answer(c, Verdict.AUTHORIZED);
        ChargeProcessor.Result r = processor.process(c.key());

        assertEquals(ChargeState.SUCCEEDED, r.charge().state());
        assertEquals(2, gateway.count(Op.CHARGE, c.shopTransactionId()));
    }

    @Test
    void alreadyProcessedIsResolvedByTheQuery() {
        ChargeRecord c = scheduleCurrent();
        gateway.fail(Op.CHARGE, c.shopTransactionId(), ScriptedGateway.failure(Kind.ALREADY_PROCESSED, false));
        gateway.answer(Op.QUERY, c.shopTransactionId(), Outcomes.declined(c.shopTransactionId(),
                DeclineReason.AUTHORIZATION_DENIED, DeclineClass.SOFT, null));

        ChargeProcessor.Result r = processor.process(c.key());

        assertEquals(ChargeState.DECLINED, r.charge().state());
        assertEquals(AgreementState.PAST_DUE, agreements.findById("agr-1").orElseThrow().state());
    }

    @Test
    void aRefusedRequestChargesNothingAndGoesBackToScheduled() {
        ChargeRecord c = scheduleCurrent();
        GatewayException refused = ScriptedGateway.failure(Kind.INVALID_REQUEST, false);
        gateway.fail(Op.CHARGE, c.shopTransactionId(), refused);

        assertSame(refused, assertThrows(GatewayException.class, () -> processor.process(c.key())));
        assertEquals(ChargeState.SCHEDULED, agreements.findCharge(c.key()).orElseThrow().state());
    }

    @Test
    void aChargeTheAgreementNoLongerAwaitsIsSkippedUnsent() {
        ChargeRecord c = scheduleCurrent();
        Agreement a = agreements.findById("agr-1").orElseThrow();
        agreements.update(a.canceled(T0), a.version(), null);

        ChargeProcessor.Result r = processor.process(c.key());

        assertEquals(ChargeState.SKIPPED, r.charge().state());
        assertEquals(0, gateway.calls().size());
    }

    @Test
    void aChargeInFlightElsewhereIsLeftToItsWorkerUntilTheLeaseRunsOut() {
        ChargeRecord c = scheduleCurrent();
        agreements.updateCharge(c.submitting(T0), c.version());

        assertEquals(ChargeProcessor.Status.IN_FLIGHT, processor.process(c.key()).status());
        assertEquals(0, gateway.calls().size());

        clock.advance(Duration.ofSeconds(31)); // that worker crashed: the query first
        gateway.answer(Op.QUERY, c.shopTransactionId(), Outcomes.of(Verdict.CAPTURED, c.shopTransactionId(), AMOUNT,
                "EUR"));
        assertEquals(ChargeState.SUCCEEDED, processor.process(c.key()).charge().state());
        assertEquals(0, gateway.count(Op.CHARGE, c.shopTransactionId()));
    }
}
