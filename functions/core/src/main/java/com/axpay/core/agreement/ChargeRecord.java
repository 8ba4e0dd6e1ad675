package com.axpay.core.agreement;

import com.axpay.core.domain.Required;

import com.axpay.core.domain.Amounts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One charge attempt on an agreement, stored BEFORE Axerve is called. A cycle charge has {@code chargeId} null and
 * is keyed by (agreement, cycle, attempt); an upsell is keyed by (agreement, chargeId) and has cycle and attempt 0.
 *
 * @param submittedAt when a worker claimed it for the call (SUBMITTING), for the in-flight lease
 * @param version     optimistic-lock counter
 */
public record ChargeRecord(String agreementId, int cycle, int attempt, String chargeId, String shopTransactionId,
                           BigDecimal amount, String currency, ChargeState state, String errorCode,
                           String reasonCode, DeclineClass declineClass, String bankTransactionId,
                           Instant submittedAt, long version, Instant createdAt, Instant updatedAt) {

    public ChargeRecord {
        Required.components("agreementId", agreementId, "shopTransactionId", shopTransactionId, "amount", amount,
                "currency", currency, "state", state, "createdAt", createdAt, "updatedAt", updatedAt);
        amount = Amounts.exact(amount);
    }

    public static ChargeRecord scheduledCycle(Agreement a, Instant now) {
        return new ChargeRecord(a.agreementId(), a.cycle(), a.attempt(), null,
                ChargeIds.cycleShopTransactionId(a.agreementId(), a.cycle(), a.attempt()), a.plan().amount(),
                a.plan().currency(), ChargeState.SCHEDULED, null, null, null, null, null, 1, now, now);
    }

    public static ChargeRecord scheduledUpsell(String agreementId, String chargeId, BigDecimal amount, String currency,
                                               Instant now) {
        return new ChargeRecord(agreementId, 0, 0, chargeId, ChargeIds.upsellShopTransactionId(agreementId, chargeId),
                amount, currency, ChargeState.SCHEDULED, null, null, null, null, null, 1, now, now);
    }

    public boolean isUpsell() {
        return chargeId != null;
    }

    public String key() {
        return isUpsell() ? ChargeIds.upsellChargeKey(agreementId, chargeId)
                : ChargeIds.cycleChargeKey(agreementId, cycle, attempt);
    }

    public ChargeRecord with(ChargeState next, Instant now) {
        return new ChargeRecord(agreementId, cycle, attempt, chargeId, shopTransactionId, amount, currency, next,
                errorCode, reasonCode, declineClass, bankTransactionId, submittedAt, version, createdAt, now);
    }

    public ChargeRecord submitting(Instant now) {
        return new ChargeRecord(agreementId, cycle, attempt, chargeId, shopTransactionId, amount, currency,
                ChargeState.SUBMITTING, errorCode, reasonCode, declineClass, bankTransactionId, now, version,
                createdAt, now);
    }

    public ChargeRecord succeeded(String bankTransactionId, Instant now) {
        return new ChargeRecord(agreementId, cycle, attempt, chargeId, shopTransactionId, amount, currency,
                ChargeState.SUCCEEDED, null, null, null, bankTransactionId, submittedAt, version, createdAt, now);
    }

    public ChargeRecord declined(String errorCode, String reasonCode, DeclineClass declineClass, Instant now) {
        return new ChargeRecord(agreementId, cycle, attempt, chargeId, shopTransactionId, amount, currency,
                ChargeState.DECLINED, errorCode, reasonCode, declineClass, bankTransactionId, submittedAt, version,
                createdAt, now);
    }

    /** The same record as stored with another version (the store bumps it on every write). */
    public ChargeRecord withVersion(long v) {
        return new ChargeRecord(agreementId, cycle, attempt, chargeId, shopTransactionId, amount, currency, state,
                errorCode, reasonCode, declineClass, bankTransactionId, submittedAt, v, createdAt, updatedAt);
    }
}
