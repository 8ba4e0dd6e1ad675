package com.axpay.core.agreement;

import java.util.Optional;

/** Axerve's amazonPayBillingAgreementDescription: charge now and get a token, or only get the token. */
public enum RecurringMode {
    PAY_NOW_AND_RECURRING("paynowandrecurring"),
    ONLY_RECURRING("onlyrecurring");

    private final String wire;

    RecurringMode(String wire) {
        this.wire = wire;
    }

    /** The value Encrypt sends. */
    public String wire() {
        return wire;
    }

    public static Optional<RecurringMode> fromWire(String s) {
        for (RecurringMode m : values()) {
            if (m.wire.equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
