package com.axpay.core.agreement;

/**
 * One charge attempt: SCHEDULED (claimed, Axerve not called), SUBMITTING (a worker is calling Axerve), UNKNOWN
 * (the call's outcome is unknown: query before anything else), then final SUCCEEDED, DECLINED or SKIPPED (never sent:
 * the agreement stopped being chargeable first).
 */
public enum ChargeState {
    SCHEDULED, SUBMITTING, UNKNOWN, SUCCEEDED, DECLINED, SKIPPED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == DECLINED || this == SKIPPED;
    }
}
