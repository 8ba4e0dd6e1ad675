package com.axpay.core.fakes;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.port.AgreementRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AgreementRepository} in memory, with the store's conditions: version-conditional writes, a claim that also
 * checks the agreement still awaits the charge, and a settlement that writes charge and agreement together. Events
 * are kept in order for assertions.
 */
public final class InMemoryAgreements implements AgreementRepository {

    private final Map<String, AgreementTerms> terms = new HashMap<>();
    private final Map<String, Agreement> agreements = new HashMap<>();
    private final Map<String, ChargeRecord> charges = new HashMap<>();
    private final List<AgreementEvent> events = new ArrayList<>();

    @Override
    public synchronized void saveTerms(AgreementTerms t) {
        terms.putIfAbsent(t.agreementId(), t);
    }

    @Override
    public synchronized Optional<AgreementTerms> findTerms(String agreementId) {
        return Optional.ofNullable(terms.get(agreementId));
    }

    @Override
    public synchronized boolean create(Agreement agreement, AgreementEvent event) {
        if (agreements.putIfAbsent(agreement.agreementId(), agreement) != null) {
            return false;
        }
        record(event);
        return true;
    }

    @Override
    public synchronized Optional<Agreement> findById(String agreementId) {
        return Optional.ofNullable(agreements.get(agreementId));
    }

    @Override
    public synchronized boolean update(Agreement next, long expectedVersion, AgreementEvent event) {
        Agreement stored = agreements.get(next.agreementId());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        agreements.put(next.agreementId(), next.withVersion(expectedVersion + 1));
        record(event);
        return true;
    }

    @Override
    public int dueShards() {
        return 1;
    }

    @Override
    public synchronized DuePage findDue(int shard, Instant dueBy, String cursor, int limit) {
        List<String> due = agreements.values().stream().filter(a -> a.isDue(dueBy))
                .sorted(Comparator.comparing(Agreement::nextChargeAt)).map(Agreement::agreementId).limit(limit)
                .toList();
        return new DuePage(due, null);
    }

    @Override
    public synchronized boolean createCharge(ChargeRecord charge) {
        return charges.putIfAbsent(charge.key(), charge) == null;
    }

    @Override
    public synchronized Optional<ChargeRecord> findCharge(String chargeKey) {
        return Optional.ofNullable(charges.get(chargeKey));
    }

    @Override
    public synchronized boolean updateCharge(ChargeRecord next, long expectedVersion) {
        ChargeRecord stored = charges.get(next.key());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        charges.put(next.key(), next.withVersion(expectedVersion + 1));
        return true;
    }

    @Override
    public synchronized boolean claimCharge(ChargeRecord submitting, long expectedVersion) {
        Agreement a = agreements.get(submitting.agreementId());
        if (a == null || !a.awaits(submitting)) {
            return false;
        }
        return updateCharge(submitting, expectedVersion);
    }

    @Override
    public synchronized boolean settle(ChargeRecord charge, long chargeVersion, Agreement agreement,
                                       long agreementVersion, AgreementEvent event) {
        ChargeRecord storedCharge = charges.get(charge.key());
        Agreement storedAgreement = agreements.get(agreement.agreementId());
        if (storedCharge == null || storedCharge.version() != chargeVersion || storedAgreement == null
                || storedAgreement.version() != agreementVersion) {
            return false;
        }
        charges.put(charge.key(), charge.withVersion(chargeVersion + 1));
        agreements.put(agreement.agreementId(), agreement.withVersion(agreementVersion + 1));
        record(event);
        return true;
    }

    /** The events written so far, oldest first. */
    public synchronized List<AgreementEvent> events() {
        return List.copyOf(events);
    }

    private void record(AgreementEvent event) {
        if (event != null) {
            events.add(event);
        }
    }
}
