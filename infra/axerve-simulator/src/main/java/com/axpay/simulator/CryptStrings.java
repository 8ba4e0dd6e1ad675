package com.axpay.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues the opaque strings Axerve calls CryptDecryptString. They are random (unguessable, alphabet
 * {@code [A-Za-z0-9*_]}) and map to server-side state, so a tampered string simply is not found.
 */
final class CryptStrings {
    /** What a string stands for: a payment waiting for the buyer, or a frozen result. */
    sealed interface Entry permits PaymentPage, Result {
        String shopLogin();
    }

    record PaymentPage(String shopLogin, Transaction transaction) implements Entry {}

    record Result(String shopLogin, ResultSnapshot snapshot) implements Entry {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    String issue(Entry entry) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', '*');
        entries.put(value, entry);
        return value;
    }

    Optional<Entry> find(String value) {
        return Optional.ofNullable(value == null ? null : entries.get(value));
    }

    void clear() { entries.clear(); }
}
