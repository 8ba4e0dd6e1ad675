package com.axpay.core.agreement;

/**
 * Lifecycle of a recurring agreement (Amazon billing agreement behind an Axerve token).
 * ACTIVE and PAST_DUE are charged by the schedule; SUSPENDED waits for the buyer to fix the payment method;
 * CANCELED and COMPLETED are terminal.
 */
public enum AgreementState {
    ACTIVE, PAST_DUE, SUSPENDED, CANCELED, COMPLETED;

    public boolean isChargeable() {
        return this == ACTIVE || this == PAST_DUE;
    }

    public boolean isTerminal() {
        return this == CANCELED || this == COMPLETED;
    }
}
