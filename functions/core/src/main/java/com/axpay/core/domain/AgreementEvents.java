package com.axpay.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recurring (billing agreement) events, for the agreement code to write into its outbox in the same conditional
 * write as the agreement's change. Detail holds ids, amounts and states only: never the Axerve token.
 */
public final class AgreementEvents {

    public static final String CREATED = "Agreement Created";
    public static final String CHARGED = "Agreement Charged";
    public static final String PAST_DUE = "Agreement Past Due";
    public static final String SUSPENDED = "Agreement Suspended";
    public static final String CANCELLED = "Agreement Cancelled";
    public static final String COMPLETED = "Agreement Completed";
    public static final String RESUMED = "Agreement Resumed";

    private AgreementEvents() {
    }

    /**
     * @param detailType one of the constants above
     * @param version    the agreement's version after the change (makes the event id deterministic)
     * @param state      the agreement's state after the change
     * @param paymentId  the payment whose token created the agreement
     * @param amount     the charge's amount (CHARGED, PAST_DUE), else null
     * @param errorCode  Axerve's code of a failed charge, else null
     */
    public static DomainEvent of(String detailType, String agreementId, long version, String state,
                                 String customerId, String paymentId, BigDecimal amount, String currency,
                                 String errorCode, Instant occurredAt) {
        if (!java.util.Set.of(CREATED, CHARGED, PAST_DUE, SUSPENDED, CANCELLED, COMPLETED, RESUMED).contains(detailType)) {
            throw new IllegalArgumentException("unknown agreement detail type " + detailType);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("agreementId", agreementId);
        d.put("customerId", customerId);
        d.put("state", state);
        d.put("paymentId", paymentId);
        d.put("amount", amount == null ? null : Amounts.format(amount));
        d.put("currency", currency);
        d.put("errorCode", errorCode);
        return new DomainEvent(DomainEvent.AGREEMENTS_SOURCE, detailType, agreementId, version, occurredAt, d);
    }
}
