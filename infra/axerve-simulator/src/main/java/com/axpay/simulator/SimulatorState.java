package com.axpay.simulator;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the simulator remembers, in memory. */
final class SimulatorState {
    static final ZoneId AXERVE_ZONE = ZoneId.of("Europe/Rome");

    final Map<String, MerchantProfile> merchants = new ConcurrentHashMap<>();
    final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final Map<String, Scenario> orderReferences = new ConcurrentHashMap<>();
    /** Order references and billing agreements created by the simulated Amazon widgets. */
    final Map<String, AmazonOrderReference> widgetReferences = new ConcurrentHashMap<>();
    final CryptStrings crypt = new CryptStrings();
    private final List<Transaction> transactions = new ArrayList<>();
    private final AtomicLong bankIds = new AtomicLong(1000);
    private final AtomicLong eventIds = new AtomicLong(5000);
    private final SecureRandom random = new SecureRandom();
    private final SimulatorOptions options;

    SimulatorState(SimulatorOptions options) {
        this.options = options;
    }

    Optional<MerchantProfile> merchant(String shopLogin) {
        return Optional.ofNullable(shopLogin == null ? null : merchants.get(shopLogin));
    }

    String positiveUrl(MerchantProfile m) { return m.positiveUrl() != null ? m.positiveUrl() : options.positiveUrl(); }
    String negativeUrl(MerchantProfile m) { return m.negativeUrl() != null ? m.negativeUrl() : options.negativeUrl(); }
    String s2sUrl(MerchantProfile m) { return m.s2sUrl() != null ? m.s2sUrl() : options.s2sUrl(); }

    synchronized List<Transaction> transactions() { return List.copyOf(transactions); }

    synchronized List<Transaction> byShopTransactionId(String shopLogin, String shopTransactionId) {
        return transactions.stream()
                .filter(t -> t.shopLogin.equals(shopLogin) && t.shopTransactionId.equals(shopTransactionId)).toList();
    }

    synchronized Optional<Transaction> byBankTransactionId(String shopLogin, String bankTransactionId) {
        return transactions.stream()
                .filter(t -> t.shopLogin.equals(shopLogin) && bankTransactionId.equals(t.bankTransactionId()))
                .findFirst();
    }

    synchronized void add(Transaction t) { transactions.add(t); }

    /** Runs a check-then-add atomically (duplicate shopTransactionId detection under concurrency). */
    synchronized <T> T atomically(Action<T> action) throws AxerveError { return action.run(); }

    @FunctionalInterface
    interface Action<T> {
        T run() throws AxerveError;
    }

    String nextBankTransactionId() { return Long.toString(bankIds.incrementAndGet()); }

    String nextEventId() { return Long.toString(eventIds.incrementAndGet()); }

    String newAuthorizationCode() { return String.format("%06d", random.nextInt(1_000_000)); }

    /** Amazon-like id, e.g. S02-1234567-1234567 (order reference) or C02-... (billing agreement). */
    String newAmazonId(String prefix) {
        return String.format("%s-%07d-%07d", prefix, random.nextInt(10_000_000), random.nextInt(10_000_000));
    }

    synchronized void reset() {
        transactions.clear();
        tokens.clear();
        orderReferences.clear();
        widgetReferences.clear();
        crypt.clear();
    }
}
