package com.axpay.core.agreement;

import com.axpay.core.domain.AgreementEvents;
import com.axpay.core.domain.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a stored agreement change tells merchants' systems; the store writes it to the outbox in the same transaction
 * as the change (one event per agreement version). Ids, amounts, states and codes only: never the token.
 *
 * @param amount    the charge's amount (CHARGED, PAST_DUE...), else null
 * @param errorCode Axerve's code of a declined charge, else null
 */
public record AgreementEvent(Type type, String agreementId, AgreementState state, BigDecimal amount, String currency,
                             String errorCode, Instant at) {

    public enum Type { CREATED, CHARGED, PAST_DUE, SUSPENDED, CANCELED, COMPLETED, RESUMED }

    /** The one event of a settled charge: the agreement's new state when it changed, else CHARGED for a success. */
    public static AgreementEvent ofSettlement(Agreement before, Agreement after, ChargeRecord c, Instant at) {
        Type type = before.state() == after.state() ? null : switch (after.state()) {
            case PAST_DUE -> Type.PAST_DUE;
            case SUSPENDED -> Type.SUSPENDED;
            case CANCELED -> Type.CANCELED;
            case COMPLETED -> Type.COMPLETED;
            case ACTIVE -> null;
        };
        if (type == null && c.state() == ChargeState.SUCCEEDED) {
            type = Type.CHARGED;
        }
        return type == null ? null : new AgreementEvent(type, after.agreementId(), after.state(), c.amount(),
                c.currency(), c.errorCode(), at);
    }

    /**
     * The event merchants receive for this change, numbered by the stored agreement's new version: the one place
     * that turns an agreement change into a published detail type (the store only writes what it is given).
     */
    public DomainEvent published(Agreement stored) {
        String detailType = switch (type) {
            case CREATED -> AgreementEvents.CREATED;
            case CHARGED -> AgreementEvents.CHARGED;
            case PAST_DUE -> AgreementEvents.PAST_DUE;
            case SUSPENDED -> AgreementEvents.SUSPENDED;
            case CANCELED -> AgreementEvents.CANCELLED;
            case COMPLETED -> AgreementEvents.COMPLETED;
            case RESUMED -> AgreementEvents.RESUMED;
        };
        return AgreementEvents.of(detailType, stored.agreementId(), stored.version(), state.name(), null,
                stored.paymentId(), amount, currency, errorCode, at);
    }
}
