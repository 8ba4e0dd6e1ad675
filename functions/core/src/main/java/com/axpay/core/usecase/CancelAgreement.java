package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.RecurringGateway;
import com.axpay.core.usecase.AgreementException.Reason;
import com.axpay.core.usecase.OptimisticUpdate.Pause;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * POST /agreements/{id}/cancel: CANCELED first (so no new charge is claimed: claims check the agreement), then the
 * token is deleted at Axerve. A charge whose outcome is unknown is resolved before; while it stays unknown the cancel
 * is refused (409), since cancelling would hide a possible charge. Repeating a cancel retries a failed token deletion.
 */
public final class CancelAgreement {

    /** A lost round means the agreement was written meanwhile (a charge settled, a resume): rare, so few rounds. */
    private static final int MAX_ROUNDS = 5;

    private final AgreementRepository agreements;
    private final RecurringGateway gateway;
    private final ChargeProcessor processor;
    private final Clock clock;

    public CancelAgreement(AgreementRepository agreements, RecurringGateway gateway, ChargeProcessor processor,
                           Clock clock) {
        this.agreements = Objects.requireNonNull(agreements);
        this.gateway = Objects.requireNonNull(gateway);
        this.processor = Objects.requireNonNull(processor);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @return the agreement as stored afterwards
     * @throws AgreementException NOT_FOUND, or CHARGE_IN_PROGRESS
     * @throws GatewayException   the token could not be deleted (the agreement is CANCELED; send the cancel again)
     */
    public Agreement cancel(String agreementId) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, "agreement " + agreementId + " kept changing", ignored -> {
            Agreement a = AgreementLookup.require(agreements, agreementId);
            if (a.state() == AgreementState.COMPLETED || (a.state() == AgreementState.CANCELED && a.tokenDeleted())) {
                return done(a);
            }
            if (a.state() != AgreementState.CANCELED) {
                resolvePendingCharge(a);
                Agreement canceled = a.canceled(clock.instant());
                AgreementEvent event = new AgreementEvent(AgreementEvent.Type.CANCELED, a.agreementId(),
                        AgreementState.CANCELED, null, null, null, clock.instant());
                if (!agreements.update(canceled, a.version(), event)) {
                    return again(null);
                }
                a = canceled.withVersion(a.version() + 1);
            }
            gateway.deleteToken(a.token());
            Agreement deleted = a.withTokenDeleted(clock.instant());
            if (agreements.update(deleted, a.version(), null)) {
                return done(deleted.withVersion(a.version() + 1));
            }
            return again(null);
        });
    }

    private void resolvePendingCharge(Agreement a) {
        String key = ChargeIds.cycleChargeKey(a.agreementId(), a.cycle(), a.attempt());
        Optional<ChargeRecord> c = agreements.findCharge(key);
        if (c.isEmpty() || c.get().state().isFinal() || c.get().state() == ChargeState.SCHEDULED) {
            return; // nothing sent: a SCHEDULED record is settled SKIPPED by whichever worker meets it
        }
        ChargeProcessor.Result r = processor.process(key);
        if (r.status() != ChargeProcessor.Status.SETTLED) {
            throw new AgreementException(Reason.CHARGE_IN_PROGRESS,
                    "a charge of this agreement is being processed; cancel again shortly");
        }
    }
}
