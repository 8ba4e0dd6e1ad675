package com.axpay.store.dynamodb;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.Verdict;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository.AlreadyClaimed;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.port.PaymentRepository.Claimed;
import com.axpay.core.port.PaymentRepository.Lost;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.ApplyOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.axpay.store.dynamodb.Payments.T0;
import static com.axpay.store.dynamodb.Payments.created;
import static com.axpay.store.dynamodb.Payments.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository contract, run against every DynamoDB implementation we can reach (DynamoDB Local always,
 * LocalStack when Docker is present). Each test gets a fresh table.
 */
abstract class PaymentRepositoryContract {

    private static final Set<PaymentState> REDIRECTED = EnumSet.of(PaymentState.REDIRECTED);
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    protected DynamoDbPaymentRepository repo;
    protected String table;

    /** A client for the implementation under test, built once per class. */
    protected abstract DynamoDbClient client();

    @BeforeEach
    void freshTable() {
        table = "payments-" + UUID.randomUUID();
        TableDefinitions.createPaymentsTable(client(), table);
        repo = new DynamoDbPaymentRepository(client(), table);
    }

    @Test
    void claimStoresPaymentOrderAndShopTransactionIdTogether() {
        Payment p = created(uniqueOrderId());

        assertInstanceOf(Claimed.class, repo.claim(p));

        assertEquals(p, repo.findById(p.paymentId()).orElseThrow());
        assertEquals(p, repo.findByShopTransactionId(p.shopTransactionId()).orElseThrow());
        OrderClaim order = repo.findOrder(p.orderId()).orElseThrow();
        assertEquals(OrderClaim.of(p), order);
    }

    @Test
    void amountIsStoredAsAnExactDecimalString() {
        Payment p = created(uniqueOrderId(), 1, "0.1");
        repo.claim(p);

        Map<String, AttributeValue> raw = client().getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PAY#" + p.paymentId()))).consistentRead(true)).item();

        assertEquals("0.10", raw.get("amount").s());
        assertEquals(new BigDecimal("0.10"), repo.findById(p.paymentId()).orElseThrow().amount());
    }

    @Test
    void secondClaimOfTheSameOrderLosesAndLeavesNoTrace() {
        String orderId = uniqueOrderId();
        Payment first = created(orderId);
        Payment second = created(orderId, 1, "99.00");
        repo.claim(first);

        assertEquals(new AlreadyClaimed(orderId), repo.claim(second));

        assertTrue(repo.findById(second.paymentId()).isEmpty(), "loser's payment item must not exist");
        assertEquals(first.paymentId(), repo.findOrder(orderId).orElseThrow().paymentId());
        assertEquals(first.paymentId(),
                repo.findByShopTransactionId(first.shopTransactionId()).orElseThrow().paymentId());
    }

    @Test
    void failedTransactionWritesNothingEvenForANewOrder() {
        Payment existing = created(uniqueOrderId());
        repo.claim(existing);
        // A different order whose shopTransactionId collides: its order item must not be left behind.
        Payment colliding = created(uniqueOrderId()).toBuilder()
                .shopTransactionId(existing.shopTransactionId()).build();

        assertInstanceOf(AlreadyClaimed.class, repo.claim(colliding));

        assertTrue(repo.findOrder(colliding.orderId()).isEmpty(), "order item of a failed claim");
        assertTrue(repo.findById(colliding.paymentId()).isEmpty(), "payment item of a failed claim");
        assertEquals(existing.paymentId(),
                repo.findByShopTransactionId(existing.shopTransactionId()).orElseThrow().paymentId());
    }

    @Test
    void twentyConcurrentClaimsOfOneOrderHaveExactlyOneWinner() throws Exception {
        String orderId = uniqueOrderId();
        List<Payment> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(created(orderId));
        }
        List<PaymentRepository.ClaimResult> results = concurrently(candidates, repo::claim);

        List<Payment> winners = results.stream().filter(r -> r instanceof Claimed)
                .map(r -> ((Claimed) r).payment()).toList();
        assertEquals(1, winners.size(), "winners: " + winners.size());
        assertEquals(winners.get(0).paymentId(), repo.findOrder(orderId).orElseThrow().paymentId());
        long storedPayments = candidates.stream().filter(c -> repo.findById(c.paymentId()).isPresent()).count();
        assertEquals(1, storedPayments);
    }

    @Test
    void newAttemptRequiresTheOrderToHoldThePreviousAttempt() {
        String orderId = uniqueOrderId();
        repo.claim(created(orderId, 1, "10.00"));

        assertInstanceOf(AlreadyClaimed.class, repo.claim(created(orderId, 3, "10.00")), "skipping attempt 2");
        Payment second = created(orderId, 2, "11.00");
        assertInstanceOf(Claimed.class, repo.claim(second));
        assertInstanceOf(AlreadyClaimed.class, repo.claim(created(orderId, 2, "11.00")), "attempt 2 twice");

        OrderClaim order = repo.findOrder(orderId).orElseThrow();
        assertEquals(2, order.attempt());
        assertEquals(second.paymentId(), order.paymentId());
        assertEquals(new BigDecimal("11.00"), order.amount());
        assertEquals(orderId + "-2", repo.findById(second.paymentId()).orElseThrow().shopTransactionId());
    }

    @Test
    void updateAppliesOnlyOnTheExpectedVersionAndState() {
        Payment p = claimed(uniqueOrderId());
        Payment redirected = p.toBuilder().state(PaymentState.REDIRECTED).redirectUrl("https://pay.test/x").build();

        Applied applied = assertInstanceOf(Applied.class,
                repo.update(redirected, 1, EnumSet.of(PaymentState.CREATED)));
        assertEquals(2, applied.payment().version());
        assertEquals(applied.payment(), repo.findById(p.paymentId()).orElseThrow());

        Payment authorized = redirected.toBuilder().state(PaymentState.AUTHORIZED).build();
        assertInstanceOf(Lost.class, repo.update(authorized, 1, REDIRECTED), "stale version");
        assertInstanceOf(Lost.class, repo.update(authorized, 2, EnumSet.of(PaymentState.PENDING)), "wrong state");
        assertEquals(PaymentState.REDIRECTED, repo.findById(p.paymentId()).orElseThrow().state());
    }

    @Test
    void updateOfAMissingPaymentIsLostNotCreated() {
        Payment ghost = created(uniqueOrderId());

        assertInstanceOf(Lost.class, repo.update(ghost, 1, EnumSet.of(PaymentState.CREATED)));
        assertTrue(repo.findById(ghost.paymentId()).isEmpty());
    }

    @Test
    void twentyFourConcurrentIdenticalTransitionsApplyExactlyOnce() throws Exception {
        Payment p = redirected(uniqueOrderId());
        Payment authorized = p.toBuilder().state(PaymentState.AUTHORIZED).bankTransactionId("123").build();
        List<Payment> same = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            same.add(authorized);
        }
        List<PaymentRepository.WriteResult> results =
                concurrently(same, next -> repo.update(next, p.version(), REDIRECTED));

        assertEquals(1, results.stream().filter(r -> r instanceof Applied).count());
        assertEquals(p.version() + 1, repo.findById(p.paymentId()).orElseThrow().version());
    }

    @Test
    void concurrentDuplicateNotificationsProduceOneTransition() throws Exception {
        Payment p = redirected(uniqueOrderId());
        ApplyOutcome apply = new ApplyOutcome(repo, CLOCK);
        GatewayOutcome ok = outcome(p, Verdict.AUTHORIZED, "0");
        List<Payment> readers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readers.add(p);
        }
        List<Payment> after = concurrently(readers, current -> apply.notification(current, ok, this::noQuery));

        Payment stored = repo.findById(p.paymentId()).orElseThrow();
        assertEquals(PaymentState.AUTHORIZED, stored.state());
        assertEquals(p.version() + 1, stored.version(), "exactly one write");
        assertTrue(after.stream().allMatch(a -> a.state() == PaymentState.AUTHORIZED), "same answer for all");
    }

    @Test
    void pendingThenOkConverges() {
        Payment p = redirected(uniqueOrderId());
        ApplyOutcome apply = new ApplyOutcome(repo, CLOCK);

        Payment pending = apply.notification(p, outcome(p, Verdict.PENDING, "0"), this::noQuery);
        assertEquals(PaymentState.PENDING, pending.state());
        Payment ok = apply.notification(pending, outcome(p, Verdict.AUTHORIZED, "0"), this::noQuery);

        assertEquals(PaymentState.AUTHORIZED, ok.state());
        assertEquals(PaymentState.AUTHORIZED, repo.findById(p.paymentId()).orElseThrow().state());
    }

    @Test
    void pendingThenKoConvergesWithADeclineReason() {
        Payment p = redirected(uniqueOrderId());
        ApplyOutcome apply = new ApplyOutcome(repo, CLOCK);

        Payment pending = apply.notification(p, outcome(p, Verdict.PENDING, "0"), this::noQuery);
        apply.notification(pending, declined(p, "5001", com.axpay.core.domain.DeclineReason.PAYMENT_METHOD_NOT_ALLOWED), this::noQuery);

        Payment stored = repo.findById(p.paymentId()).orElseThrow();
        assertEquals(PaymentState.DECLINED, stored.state());
        assertEquals("5001", stored.errorCode());
        assertEquals(com.axpay.core.domain.DeclineReason.PAYMENT_METHOD_NOT_ALLOWED, stored.declineReason());
    }

    @Test
    void okThenLateXxOrKoKeepsOkEvenFromAStaleRead() {
        Payment p = redirected(uniqueOrderId());
        ApplyOutcome apply = new ApplyOutcome(repo, CLOCK);
        Payment ok = apply.notification(p, outcome(p, Verdict.AUTHORIZED, "0"), this::noQuery);

        // The late messages are decided on the stale REDIRECTED read: the write loses, the re-read wins.
        apply.notification(p, outcome(p, Verdict.PENDING, "0"), this::noQuery);
        apply.notification(p, outcome(p, Verdict.DECLINED, "74"), this::noQuery);

        Payment stored = repo.findById(p.paymentId()).orElseThrow();
        assertEquals(PaymentState.AUTHORIZED, stored.state());
        assertEquals(ok.version(), stored.version(), "no write after OK");
    }

    @Test
    void enrichmentIsStoredOnceAndBumpsTheVersion() {
        Payment p = redirected(uniqueOrderId());
        Address ship = new Address("Maria De Luca", "Via Roma 1", null, "Milano", "20100", "MI", "IT", "+39000");
        Address bill = new Address("Maria De Luca", "Via Po 2", "int. 3", "Torino", "10100", "TO", "IT", null);
        Instant readAt = T0.plusSeconds(5);

        Payment enriched = repo.enrich(p.paymentId(), new Buyer("Maria De Luca", "m@example.test"), ship, bill,
                readAt).orElseThrow();

        assertEquals(ship, enriched.shippingAddress());
        assertEquals(bill, enriched.billingAddress());
        assertEquals(readAt, enriched.addressesReadAt());
        assertEquals(p.version() + 1, enriched.version());
        assertEquals(enriched, repo.findById(p.paymentId()).orElseThrow());
        assertTrue(repo.enrich(p.paymentId(), Buyer.NONE, null, null, readAt.plusSeconds(1)).isEmpty(),
                "second enrichment");
        // A transition decided before the enrichment must not overwrite it.
        assertInstanceOf(Lost.class,
                repo.update(p.toBuilder().state(PaymentState.AUTHORIZED).build(), p.version(), REDIRECTED));
        assertEquals(ship, repo.findById(p.paymentId()).orElseThrow().shippingAddress());
    }

    @Test
    void enrichingAMissingPaymentCreatesNothing() {
        String id = "pay_missing_" + UUID.randomUUID();

        assertTrue(repo.enrich(id, Buyer.NONE, null, null, T0).isEmpty());
        assertTrue(repo.findById(id).isEmpty());
    }

    @Test
    void staleQueryReturnsOnlyOpenPaymentsOfThatStateOlderThanTheCutoffOldestFirst() {
        Payment old1 = redirectedAt(uniqueOrderId(), T0.plus(Duration.ofMinutes(1)));
        Payment old2 = redirectedAt(uniqueOrderId(), T0);
        Payment fresh = redirectedAt(uniqueOrderId(), T0.plus(Duration.ofMinutes(30)));
        Payment pending = stateAt(uniqueOrderId(), PaymentState.PENDING, T0);
        Payment paid = stateAt(uniqueOrderId(), PaymentState.AUTHORIZED, T0);
        Payment givenUp = redirectedAt(uniqueOrderId(), T0);
        update(givenUp, givenUp.toBuilder().reconcileAttempts(5).reconcileExhausted(true).build());
        Instant cutoff = T0.plus(Duration.ofMinutes(10));

        List<String> stale = ids(repo.findStale(PaymentState.REDIRECTED, cutoff, 10));

        assertEquals(List.of(old2.paymentId(), old1.paymentId()), stale);
        assertEquals(List.of(old2.paymentId()), ids(repo.findStale(PaymentState.REDIRECTED, cutoff, 1)));
        assertEquals(List.of(pending.paymentId()), ids(repo.findStale(PaymentState.PENDING, cutoff, 10)));
        assertEquals(List.of(), repo.findStale(PaymentState.AUTHORIZED, cutoff, 10));
        assertFalse(stale.contains(fresh.paymentId()));
        assertFalse(stale.contains(paid.paymentId()));
    }

    @Test
    void aPaymentLeavesTheStaleIndexWhenItBecomesTerminal() {
        Payment p = redirectedAt(uniqueOrderId(), T0);
        Instant cutoff = T0.plus(Duration.ofMinutes(10));
        assertEquals(1, repo.findStale(PaymentState.REDIRECTED, cutoff, 10).size());

        update(p, p.toBuilder().state(PaymentState.EXPIRED).resolvedAt(T0.plusSeconds(1)).build());

        assertEquals(List.of(), repo.findStale(PaymentState.REDIRECTED, cutoff, 10));
    }

    @Test
    void anOpenOperationIsStoredWholeAndFoundUntilItsOutcomeIsStored() {
        Payment p = stateAt(uniqueOrderId(), PaymentState.AUTHORIZED, T0);
        Payment plain = stateAt(uniqueOrderId(), PaymentState.AUTHORIZED, T0);
        OperationAttempt a = OperationAttempt.start(OperationAttempt.Kind.CAPTURE, p, T0)
                .finish(OperationAttempt.Status.UNKNOWN, "TIMEOUT", T0.plusSeconds(3));
        Payment open = update(p, p.toBuilder().operation(a).updatedAt(T0.plusSeconds(3)).build());
        Instant cutoff = T0.plus(Duration.ofMinutes(10));

        assertEquals(open, repo.findById(p.paymentId()).orElseThrow(), "every field of the attempt round-trips");
        assertEquals(a, repo.findById(p.paymentId()).orElseThrow().operation());
        assertEquals(List.of(p.paymentId()), ids(repo.findStaleOperations(cutoff, 10)));
        assertEquals(List.of(), repo.findStaleOperations(T0, 10), "not stale before its last update");
        assertEquals(0, repo.countStuck());
        assertNull(repo.findById(plain.paymentId()).orElseThrow().operation());

        Payment givenUp = update(open, open.toBuilder().operation(a.checked(T0.plusSeconds(4), true)).build());
        assertEquals(List.of(), repo.findStaleOperations(cutoff, 10), "given up: needs a person");
        assertEquals(1, repo.countStuck());

        update(givenUp, givenUp.toBuilder().state(PaymentState.CAPTURED)
                .operation(a.finish(OperationAttempt.Status.SUCCEEDED, null, T0.plusSeconds(5))).build());
        assertEquals(List.of(), repo.findStaleOperations(cutoff, 10));
        assertEquals(0, repo.countStuck());
        assertEquals(OperationAttempt.Status.SUCCEEDED, repo.findById(p.paymentId()).orElseThrow().operation().status());
    }

    // ---- helpers

    private GatewayOutcome noQuery() {
        throw new AssertionError("no query expected on this path");
    }

    private static GatewayOutcome outcome(Payment p, Verdict verdict, String errorCode) {
        return new GatewayOutcome(verdict, verdict.approved() ? null : GatewayOutcome.Decline.UNSPECIFIED, errorCode,
                null, p.shopTransactionId(), "9001", "A1", p.amount(), p.currency(), null, null, null, null);
    }

    /** A decline as the gateway adapter reads it: the reason chosen, the gateway's code kept as given. */
    private static GatewayOutcome declined(Payment p, String errorCode, com.axpay.core.domain.DeclineReason reason) {
        return new GatewayOutcome(Verdict.DECLINED, new GatewayOutcome.Decline(reason,
                com.axpay.core.domain.DeclineReason.OTHER, com.axpay.core.agreement.DeclineClass.SOFT, null),
                errorCode, null, p.shopTransactionId(), "9001", "A1", p.amount(), p.currency(), null, null, null,
                null);
    }

    private Payment claimed(String orderId) {
        Payment p = created(orderId);
        assertInstanceOf(Claimed.class, repo.claim(p));
        return p;
    }

    private Payment redirected(String orderId) {
        return stateAt(orderId, PaymentState.REDIRECTED, T0);
    }

    private Payment redirectedAt(String orderId, Instant at) {
        return stateAt(orderId, PaymentState.REDIRECTED, at);
    }

    private Payment stateAt(String orderId, PaymentState state, Instant at) {
        Payment p = claimed(orderId);
        return update(p, p.toBuilder().state(state).updatedAt(at).build());
    }

    private Payment update(Payment current, Payment next) {
        return assertInstanceOf(Applied.class,
                repo.update(next, current.version(), EnumSet.of(current.state()))).payment();
    }

    private static List<String> ids(List<Payment> payments) {
        return payments.stream().map(Payment::paymentId).toList();
    }

    /** Runs one task per input on its own thread, released together; bounded by a timeout. */
    private static <I, O> List<O> concurrently(List<I> inputs, java.util.function.Function<I, O> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<O>> futures = new ArrayList<>();
            for (I input : inputs) {
                Callable<O> c = () -> {
                    start.await();
                    return task.apply(input);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<O> out = new ArrayList<>();
            for (Future<O> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
