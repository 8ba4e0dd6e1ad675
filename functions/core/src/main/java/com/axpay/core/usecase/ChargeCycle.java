package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.ChargeQueue.ChargeMessage;

import java.util.Objects;
import java.util.Optional;

/**
 * The queue worker's job for one message: charge (agreement, cycle, attempt) at most once. A message for a cycle the
 * agreement has moved past, or for an agreement that is no longer chargeable, settles the record as SKIPPED or finds
 * it already settled; duplicates of one message meet the same record.
 */
public final class ChargeCycle {

    private final AgreementRepository agreements;
    private final ChargeProcessor processor;

    public ChargeCycle(AgreementRepository agreements, ChargeProcessor processor) {
        this.agreements = Objects.requireNonNull(agreements);
        this.processor = Objects.requireNonNull(processor);
    }

    /** @return empty when the message names nothing chargeable (no agreement, or a cycle never scheduled) */
    public Optional<ChargeProcessor.Result> charge(ChargeMessage m) {
        String key = ChargeIds.cycleChargeKey(m.agreementId(), m.cycle(), m.attempt());
        if (agreements.findCharge(key).isEmpty()) {
            Optional<Agreement> a = agreements.findById(m.agreementId());
            // the schedule creates the record before enqueueing; a message without one is foreign or stale
            if (a.isEmpty() || a.get().cycle() != m.cycle() || a.get().attempt() != m.attempt()
                    || !a.get().isDue(processor.clock().instant())) {
                return Optional.empty();
            }
            agreements.createCharge(ChargeRecord.scheduledCycle(a.get(), processor.clock().instant()));
        }
        return Optional.of(processor.process(key));
    }
}
