package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.port.AgreementRepository;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The token arrived (S2S notification of a recurring payment): the agreement is created from the terms stored with
 * the payment, once; duplicates of the notification find it created.
 */
public final class ActivateAgreement {

    private final AgreementRepository agreements;
    private final Clock clock;

    public ActivateAgreement(AgreementRepository agreements, Clock clock) {
        this.agreements = Objects.requireNonNull(agreements);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @return the agreement, or empty when no terms were stored under this id */
    public Optional<Agreement> activate(String agreementId, String token) {
        Optional<Agreement> existing = agreements.findById(agreementId);
        if (existing.isPresent()) {
            return existing;
        }
        Optional<AgreementTerms> terms = agreements.findTerms(agreementId);
        if (terms.isEmpty() || token == null || token.isBlank()) {
            return Optional.empty();
        }
        Agreement a = Agreement.fromToken(terms.get(), token, clock.instant());
        AgreementEvent created = new AgreementEvent(AgreementEvent.Type.CREATED, a.agreementId(), a.state(),
                a.plan().amount(), a.plan().currency(), null, clock.instant());
        if (agreements.create(a, created)) {
            return Optional.of(a);
        }
        return agreements.findById(agreementId);
    }
}
