package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.usecase.AgreementException.Reason;
import com.axpay.core.usecase.OptimisticUpdate.Pause;

import java.time.Clock;
import java.util.Objects;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * POST /agreements/{id}/resume, after the buyer fixed the payment method on Amazon (RELIABILITY scenario 19): the
 * SUSPENDED agreement becomes ACTIVE and the next schedule tick charges the unpaid cycle with a new attempt. There is
 * no separate validation call: Axerve offers none for AMAZONPAY tokens, so that charge is the check, and a second hard
 * decline suspends the agreement again. Repeating the call on an ACTIVE or PAST_DUE agreement changes nothing.
 */
public final class ResumeAgreement {

    /** A lost round means the agreement was written meanwhile (a charge settled, a cancel): rare, so few rounds. */
    private static final int MAX_ROUNDS = 5;

    private final AgreementRepository agreements;
    private final Clock clock;

    public ResumeAgreement(AgreementRepository agreements, Clock clock) {
        this.agreements = Objects.requireNonNull(agreements);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @throws AgreementException NOT_FOUND, or NOT_CHARGEABLE for a CANCELED or COMPLETED agreement */
    public Agreement resume(String agreementId) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, "agreement " + agreementId + " kept changing", ignored -> {
            Agreement a = AgreementLookup.require(agreements, agreementId);
            if (a.state().isChargeable()) {
                return done(a);
            }
            if (a.state() != AgreementState.SUSPENDED) {
                throw new AgreementException(Reason.NOT_CHARGEABLE, "agreement is " + a.state());
            }
            Agreement resumed = a.resumed(clock.instant());
            AgreementEvent event = new AgreementEvent(AgreementEvent.Type.RESUMED, a.agreementId(),
                    AgreementState.ACTIVE, null, null, null, clock.instant());
            if (agreements.update(resumed, a.version(), event)) {
                return done(resumed.withVersion(a.version() + 1));
            }
            return again(null);
        });
    }
}
