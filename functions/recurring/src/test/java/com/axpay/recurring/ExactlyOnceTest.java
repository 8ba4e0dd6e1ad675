package com.axpay.recurring;


import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.core.usecase.ChargeUpsell;
import com.axpay.kit.testing.SimAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RELIABILITY scenarios 25, 26 and 28: concurrent duplicate schedule ticks over many agreements, concurrent workers,
 * and crashes between the Axerve call and the record update (the simulator processes the charge but answers after
 * our read timeout). Reconciled against the simulator's per-token charge counter: no double charge, no missed cycle.
 */
class ExactlyOnceTest {

    static final int AGREEMENTS = 200;
    static RecurringHarness h;

    @BeforeAll
    static void start() {
        h = new RecurringHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void duplicateTicksConcurrentWorkersAndCrashesChargeEveryCycleExactlyOnce() throws Exception {
        List<Agreement> created = new ArrayList<>();
        for (int i = 0; i < AGREEMENTS; i++) {
            created.add(h.agreement("pay" + i, null));
        }
        // 15 charges are processed by Axerve while our client times out: the records stay SUBMITTING or UNKNOWN
        new SimAdmin(h.sim.baseUrl()).fault("{\"operation\":\"callPagamS2S\",\"kind\":\"timeout\",\"delayMs\":4000,"
                + "\"times\":15,\"process\":true}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int cycle = 1; cycle <= 2; cycle++) {
                for (int round = 0; round < 4; round++) {
                    List<Callable<Object>> ticks = new ArrayList<>();
                    for (int t = 0; t < 3; t++) {
                        ticks.add(() -> h.schedule().run(() -> true));
                    }
                    for (Future<Object> f : pool.invokeAll(ticks, 60, TimeUnit.SECONDS)) {
                        f.get();
                    }
                    List<Callable<Object>> workers = new ArrayList<>();
                    for (int w = 0; w < 4; w++) {
                        workers.add(() -> { h.drain(); return null; });
                    }
                    for (Future<Object> f : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                        f.get();
                    }
                    h.advance(RecurringHarness.LEASE.plusSeconds(1)); // abandoned SUBMITTING leases expire
                }
                h.advance(Duration.ofDays(31));
            }
        } finally {
            pool.shutdownNow();
        }
        int doubles = 0;
        int missed = 0;
        for (Agreement a : created) {
            int charged = h.sim.chargeCount(a.token());
            Agreement stored = h.agreements.findById(a.agreementId()).orElseThrow();
            doubles += charged > 2 ? 1 : 0;
            missed += charged < 2 ? 1 : 0;
            assertEquals(charged, stored.cyclesCharged(), "our record agrees with Axerve for " + a.agreementId());
        }
        assertEquals(0, doubles, "agreements charged more than once in a cycle");
        assertEquals(0, missed, "agreements with a missed cycle");
    }

    @Test
    void duplicateConcurrentUpsellsChargeOnce() throws Exception {
        Agreement a = h.agreement("upsell", null);
        int before = h.sim.chargeCount(a.token());
        ChargeUpsell upsell = new ChargeUpsell(h.agreements, h.processor());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<ChargeUpsell.Result>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> upsell.charge(a.agreementId(), "gift-box", new BigDecimal("4.50"), "EUR"));
        }
        try {
            for (Future<ChargeUpsell.Result> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // a repeat after the dust settles gets the one charge, and Axerve saw one
        ChargeUpsell.Result again = upsell.charge(a.agreementId(), "gift-box", new BigDecimal("4.50"), "EUR");
        assertEquals(ChargeProcessor.Status.SETTLED, again.charge().status());
        assertEquals(ChargeState.SUCCEEDED, again.charge().charge().state());
        assertEquals(before + 1, h.sim.chargeCount(a.token()));
        Agreement stored = h.agreements.findById(a.agreementId()).orElseThrow();
        assertEquals(1, stored.history().stream().filter(e -> "gift-box".equals(e.chargeId())).count());
        assertEquals(AgreementState.ACTIVE, stored.state());
        assertTrue(stored.history().stream().allMatch(e -> e.outcome() == ChargeState.SUCCEEDED));
    }
}
