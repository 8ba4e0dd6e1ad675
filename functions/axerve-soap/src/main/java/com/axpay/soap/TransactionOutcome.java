package com.axpay.soap;

/** Axerve's {@code TransactionResult}: OK positive, KO negative, XX pending (final result follows later). */
public enum TransactionOutcome {
    OK, KO, XX;

    /** Null for an absent or unknown value. */
    static TransactionOutcome parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "OK" -> OK;
            case "KO" -> KO;
            case "XX" -> XX;
            default -> null;
        };
    }
}
