package com.axpay.simulator;

/** An Amazon billing-agreement-like token issued by a recurring payment. Thread-safe. */
final class Token {
    final String value;
    final String shopLogin;
    final String expiryMonth;
    final String expiryYear;
    private boolean active = true;
    private TokenMode mode = TokenMode.OK;
    /** Charges left in {@link #mode} before it returns to OK; null = until changed. */
    private Integer modeRemaining;
    private int chargeCount;

    Token(String value, String shopLogin, String expiryMonth, String expiryYear) {
        this.value = value;
        this.shopLogin = shopLogin;
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
    }

    synchronized void setMode(TokenMode mode, Integer times) {
        this.mode = mode;
        this.modeRemaining = times;
    }

    /** The mode for the next charge, consuming one of the limited-mode charges. */
    synchronized TokenMode takeMode() {
        TokenMode current = mode;
        if (modeRemaining != null && --modeRemaining <= 0) {
            mode = TokenMode.OK;
            modeRemaining = null;
        }
        return current;
    }

    synchronized void recordSuccessfulCharge() { chargeCount++; }

    synchronized void disable() { active = false; }

    synchronized boolean active() { return active; }

    synchronized TokenView view() {
        return new TokenView(value, shopLogin, active ? "active" : "disabled", mode.id, modeRemaining, chargeCount,
                expiryMonth, expiryYear);
    }

    synchronized int chargeCount() { return chargeCount; }
}
