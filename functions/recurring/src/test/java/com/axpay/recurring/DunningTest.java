package com.axpay.recurring;


import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.usecase.ResumeAgreement;
import com.axpay.kit.testing.SimAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RELIABILITY rule 10 and scenarios 17–22 on real parts: the simulator's token modes decline charges over HTTP, the
 * schedule and worker run against DynamoDB Local, time moves with the harness clock. Dunning: 2 retries 3 days apart.
 */
class DunningTest {

    static RecurringHarness h;
    static SimAdmin sim;

    @BeforeAll
    static void start() {
        h = new RecurringHarness();
        sim = new SimAdmin(h.sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void softDeclineGoesPastDueThenTheRetrySucceeds() throws Exception {
        Agreement a = agreementWhoseToken("soft-then-ok", "soft-decline", 1);

        Agreement pastDue = afterTick(a);
        assertEquals(AgreementState.PAST_DUE, pastDue.state());
        assertEquals(2, pastDue.attempt(), "the cycle is retried as attempt 2");
        assertEquals(h.now.get().plus(Duration.ofDays(3)), pastDue.nextChargeAt());
        ChargeHistoryEntry declined = pastDue.history().get(0);
        assertEquals(ChargeState.DECLINED, declined.outcome());
        assertEquals(DeclineClass.SOFT, declined.declineClass());
        assertEquals("InvalidPaymentMethod", declined.reasonCode());

        h.tickAndDrain(); // not due yet: nothing happens
        assertEquals(1, h.stored(a.agreementId()).history().size());

        h.advance(Duration.ofDays(3));
        Agreement paid = afterTick(a);
        assertEquals(AgreementState.ACTIVE, paid.state());
        assertEquals(2, paid.cycle(), "cycle 1 is paid, cycle 2 comes next");
        assertEquals(1, paid.cyclesCharged());
        assertEquals(ChargeState.SUCCEEDED, paid.history().get(1).outcome());
        assertEquals(1, h.sim.chargeCount(a.token()));
    }

    @Test
    void hardDeclineSuspendsWithoutRetriesUntilResumed() throws Exception {
        Agreement a = agreementWhoseToken("hard", "hard-decline", 1);

        Agreement suspended = afterTick(a);
        assertEquals(AgreementState.SUSPENDED, suspended.state());
        assertEquals("HARD_DECLINE", suspended.endReason());
        assertNull(suspended.nextChargeAt());
        assertEquals(DeclineClass.HARD, suspended.history().get(0).declineClass());

        for (int i = 0; i < 3; i++) { // days pass: no automatic retry
            h.advance(Duration.ofDays(5));
            h.tickAndDrain();
        }
        assertEquals(1, h.stored(a.agreementId()).history().size());
        assertEquals(0, h.sim.chargeCount(a.token()));

        // the buyer fixed the payment method: resume charges the unpaid cycle at the next tick, as a new attempt
        Agreement resumed = new ResumeAgreement(h.agreements, h.clock).resume(a.agreementId());
        assertEquals(AgreementState.ACTIVE, resumed.state());
        Agreement paid = afterTick(a);
        assertEquals(AgreementState.ACTIVE, paid.state());
        assertEquals(1, paid.cyclesCharged());
        assertEquals(2, paid.history().get(1).attempt());
        assertEquals(1, h.sim.chargeCount(a.token()));
    }

    @Test
    void amazonRejectedIsHardToo() throws Exception {
        Agreement a = agreementWhoseToken("rejected", "amazon-rejected", 1);
        Agreement stored = afterTick(a);
        assertEquals(AgreementState.SUSPENDED, stored.state());
        assertEquals("AmazonRejected", stored.history().get(0).reasonCode());
    }

    @Test
    void exhaustedRetriesEndTheAgreement() throws Exception {
        Agreement a = agreementWhoseToken("exhausted", "timed-out", 10);

        for (int i = 0; i < 6; i++) {
            h.tickAndDrain();
            h.advance(Duration.ofDays(3));
        }
        Agreement ended = h.stored(a.agreementId());
        assertEquals(AgreementState.CANCELED, ended.state());
        assertEquals("RETRIES_EXHAUSTED", ended.endReason());
        List<ChargeHistoryEntry> tries = ended.history();
        assertEquals(h.dunning.maxAttempts(), tries.size(), "one try and two retries, then nothing more");
        assertTrue(tries.stream().allMatch(e -> e.outcome() == ChargeState.DECLINED && e.cycle() == 1));
        assertEquals(List.of(1, 2, 3), tries.stream().map(ChargeHistoryEntry::attempt).toList());
        assertEquals(0, h.sim.chargeCount(a.token()));
    }

    @Test
    void agreementCancelledAfterTheTickIsNotCharged() throws Exception {
        Agreement a = h.agreement("cancel-mid-cycle", null);
        h.schedule().run(() -> true); // the cycle's charge record and message exist
        Agreement canceled = h.cancel().cancel(a.agreementId());
        assertEquals(AgreementState.CANCELED, canceled.state());
        assertTrue(canceled.tokenDeleted());
        assertEquals("disabled", sim.tokenState(a.token()), "the token is deleted at Axerve");

        h.drain(); // the queued message finds the agreement cancelled
        h.advance(Duration.ofDays(40));
        Agreement stored = afterTick(a);
        assertEquals(AgreementState.CANCELED, stored.state());
        assertEquals(0, stored.cyclesCharged());
        assertTrue(stored.history().stream().allMatch(e -> e.outcome() == ChargeState.SKIPPED));
        assertEquals(0, h.sim.chargeCount(a.token()));
    }

    @Test
    void agreementCancelledWhilePastDueIsNotRetried() throws Exception {
        Agreement a = agreementWhoseToken("cancel-past-due", "soft-decline", 1);
        h.tickAndDrain();
        assertEquals(AgreementState.PAST_DUE, h.stored(a.agreementId()).state());

        h.cancel().cancel(a.agreementId());
        h.advance(Duration.ofDays(4));
        Agreement stored = afterTick(a);
        assertEquals(AgreementState.CANCELED, stored.state());
        assertEquals(1, stored.history().size(), "only the declined try");
        assertEquals(0, h.sim.chargeCount(a.token()));
    }

    /** A fresh agreement whose token answers the next {@code times} charges with the simulator's {@code mode}. */
    private static Agreement agreementWhoseToken(String name, String mode, int times) throws Exception {
        Agreement a = h.agreement(name, null);
        sim.tokenMode(a.token(), mode, times);
        return a;
    }

    /** The agreement as stored after the next tick's charges have run. */
    private static Agreement afterTick(Agreement a) throws Exception {
        h.tickAndDrain();
        return h.stored(a.agreementId());
    }
}
