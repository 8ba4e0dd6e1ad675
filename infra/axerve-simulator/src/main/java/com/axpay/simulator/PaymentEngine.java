package com.axpay.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Applies a scenario's outcome to a transaction: result, events, token, encrypted result and S2S notification. */
final class PaymentEngine {
    /** What the payment page redirects the buyer with. */
    record PageOutcome(String b, boolean positive) {}

    private final SimulatorState state;
    private final Notifier notifier;
    private final ScheduledExecutorService timers;
    private final long pendingDelayMs;

    PaymentEngine(SimulatorState state, Notifier notifier, ScheduledExecutorService timers, long pendingDelayMs) {
        this.state = state;
        this.notifier = notifier;
        this.timers = timers;
        this.pendingDelayMs = pendingDelayMs;
    }

    /** Ends a payment-page journey (the caller has claimed the transaction). */
    PageOutcome completePage(Transaction tx, MerchantProfile m, Scenario scenario, Address shipping, String amazonEmail) {
        tx.start(state.nextBankTransactionId(), scenario, state.newAmazonId("S02"), shipping, amazonEmail);
        apply(tx, m, scenario);
        String b = issueResult(tx);
        Notifier.Message first = message(tx, m, b);
        if (scenario.pending()) {
            boolean reorder = notifier.options().reorder();
            if (!reorder) notifier.send(List.of(first));
            timers.schedule(() -> {
                apply(tx, m, scenario.finalOutcome());
                Notifier.Message last = message(tx, m, issueResult(tx));
                notifier.send(reorder ? List.of(last, first) : List.of(last));
            }, pendingDelayMs, TimeUnit.MILLISECONDS);
        } else {
            notifier.send(List.of(first));
        }
        return new PageOutcome(b, scenario.result != Scenario.Result.KO);
    }

    /** Authorizes a server-to-server payment (token charge or custom-widget order reference) synchronously. */
    void completeServerToServer(Transaction tx, MerchantProfile m, Scenario scenario, String orderReferenceId) {
        tx.start(state.nextBankTransactionId(), scenario, orderReferenceId, Address.BOOK.get(0), null);
        apply(tx, m, scenario);
    }

    /**
     * Authorizes a custom-widget payment as the buyer chose in the simulated widgets: the wallet method's scenario,
     * the chosen address and the signed-in e-mail. A billing agreement the buyer consented to becomes the token of
     * the result; without consent it is charged this once and yields no token (Amazon's BuyerConsentNotSet).
     */
    void completeWidget(Transaction tx, MerchantProfile m, AmazonOrderReference ref) {
        Scenario scenario = ref.scenario();
        Address shipping = ref.address();
        tx.start(state.nextBankTransactionId(), scenario, ref.id, shipping == null ? Address.BOOK.get(0) : shipping,
                ref.buyerEmail);
        apply(tx, m, scenario);
        if (tx.result() == Scenario.Result.OK && ref.type == AmazonOrderReference.Type.BILLING_AGREEMENT
                && ref.consent()) {
            Token token = state.tokens.computeIfAbsent(ref.id, id -> new Token(id, tx.shopLogin, "12", expiryYear()));
            tx.issueToken(token.value, token.expiryMonth, token.expiryYear);
        }
    }

    private static String expiryYear() {
        return String.format("%02d", (LocalDate.now(SimulatorState.AXERVE_ZONE).getYear() + 5) % 100);
    }

    private void apply(Transaction tx, MerchantProfile m, Scenario outcome) {
        boolean ok = outcome.result == Scenario.Result.OK;
        tx.complete(outcome, ok ? state.newAuthorizationCode() : "");
        if (!ok) return;
        PaymentRequest req = tx.request();
        if (req.issuesToken() && tx.origin == Transaction.Origin.PAGE) {
            Token token = new Token(state.newAmazonId("C02"), tx.shopLogin, "12", expiryYear());
            state.tokens.put(token.value, token);
            tx.issueToken(token.value, token.expiryMonth, token.expiryYear);
        }
        if (req.onlyRecurring()) return; // token only: nothing authorized, nothing charged
        Instant now = Instant.now();
        tx.addEvent(new TransactionEvent("AUT", req.amount(), now, state.nextEventId()), "AUT");
        if (!m.deferredCapture()) {
            tx.addEvent(new TransactionEvent("MOV", req.amount(), now, state.nextEventId()), "MOV");
            tx.capture(req.amount());
        }
    }

    private String issueResult(Transaction tx) {
        return state.crypt.issue(new CryptStrings.Result(tx.shopLogin, tx.snapshot()));
    }

    private Notifier.Message message(Transaction tx, MerchantProfile m, String b) {
        return new Notifier.Message(tx.shopLogin, tx.shopTransactionId, tx.result().name(), state.s2sUrl(m), b);
    }
}
