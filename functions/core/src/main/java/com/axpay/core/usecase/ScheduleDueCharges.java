package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.ChargeQueue;
import com.axpay.core.port.ChargeQueue.ChargeMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The schedule tick: pages through the due index shard by shard while time is left, creates the charge record of
 * each due (agreement, cycle, attempt) conditionally, and enqueues it for the workers. Charges not settled yet are
 * enqueued again on every tick (a worker crash or a lost message is recovered by the next tick); the record, not the
 * message, makes the charge happen once. Duplicate or concurrent ticks therefore only add duplicate messages.
 */
public final class ScheduleDueCharges {

    /** SQS SendMessageBatch takes ten at a time; pages of a few hundred keep memory flat. */
    static final int PAGE_SIZE = 200;

    private final AgreementRepository agreements;
    private final ChargeQueue queue;
    private final Clock clock;

    public ScheduleDueCharges(AgreementRepository agreements, ChargeQueue queue, Clock clock) {
        this.agreements = Objects.requireNonNull(agreements);
        this.queue = Objects.requireNonNull(queue);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param found    due agreements read from the index
     * @param created  charge records this tick created
     * @param enqueued messages sent
     * @param complete every shard was paged to its end (false: the time budget ran out; the next tick continues)
     */
    public record Report(int found, int created, int enqueued, boolean complete) {
    }

    /** @param timeLeft checked before each page: false stops the tick (the Lambda's remaining time) */
    public Report run(BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        int found = 0;
        int created = 0;
        int enqueued = 0;
        for (int shard = 0; shard < agreements.dueShards(); shard++) {
            String cursor = null;
            do {
                if (!timeLeft.getAsBoolean()) {
                    return new Report(found, created, enqueued, false);
                }
                AgreementRepository.DuePage page = agreements.findDue(shard, now, cursor, PAGE_SIZE);
                List<ChargeMessage> messages = new ArrayList<>();
                for (String agreementId : page.agreementIds()) {
                    found++;
                    Optional<Agreement> fresh = agreements.findById(agreementId);
                    if (fresh.isEmpty() || !fresh.get().isDue(now)) {
                        continue; // the index lags: settled or cancelled meanwhile
                    }
                    Agreement a = fresh.get();
                    String key = ChargeIds.cycleChargeKey(a.agreementId(), a.cycle(), a.attempt());
                    Optional<ChargeRecord> existing = agreements.findCharge(key);
                    if (existing.isEmpty()) {
                        if (agreements.createCharge(ChargeRecord.scheduledCycle(a, now))) {
                            created++;
                        }
                    } else if (existing.get().state().isFinal()) {
                        continue;
                    }
                    messages.add(new ChargeMessage(a.agreementId(), a.cycle(), a.attempt()));
                }
                if (!messages.isEmpty()) {
                    queue.enqueue(messages);
                    enqueued += messages.size();
                }
                cursor = page.cursor();
            } while (cursor != null);
        }
        return new Report(found, created, enqueued, true);
    }
}
