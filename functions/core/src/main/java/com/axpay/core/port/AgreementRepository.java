package com.axpay.core.port;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable agreements and charge attempts. Every write is conditional; a lost condition returns false. */
public interface AgreementRepository {

    /** Stores the terms once (a repeat with the same agreementId changes nothing). */
    void saveTerms(AgreementTerms terms);

    Optional<AgreementTerms> findTerms(String agreementId);

    /** Creates the agreement only if none exists with its id; {@code event} (nullable) goes to the outbox with it. */
    boolean create(Agreement agreement, AgreementEvent event);

    /** Strongly consistent. */
    Optional<Agreement> findById(String agreementId);

    /** Stores {@code next} with version {@code expectedVersion + 1} if the stored one still has {@code expectedVersion}. */
    boolean update(Agreement next, long expectedVersion, AgreementEvent event);

    /** How many partitions the due index is spread over (agreements hash to one each). */
    int dueShards();

    /**
     * One page of the ids of agreements of {@code shard} due at or before {@code dueBy}, earliest first, from the due
     * index (eventually consistent: callers re-read before acting). {@code cursor} null starts at the beginning.
     */
    DuePage findDue(int shard, Instant dueBy, String cursor, int limit);

    /** Creates the charge record only if none exists under its key. */
    boolean createCharge(ChargeRecord charge);

    /** Strongly consistent. */
    Optional<ChargeRecord> findCharge(String chargeKey);

    /** Stores {@code next} (version + 1) if the stored charge still has {@code expectedVersion}. */
    boolean updateCharge(ChargeRecord next, long expectedVersion);

    /**
     * Moves the charge to SUBMITTING (version + 1) atomically with a check that the agreement is still chargeable
     * and, for a cycle charge, still at the charge's cycle and attempt: a cancel that wins the race is never charged.
     */
    boolean claimCharge(ChargeRecord submitting, long expectedVersion);

    /**
     * Writes the settled charge, the agreement's next value and its event (nullable) in one transaction, charge and
     * agreement version-conditional.
     */
    boolean settle(ChargeRecord charge, long chargeVersion, Agreement agreement, long agreementVersion,
                   AgreementEvent event);

    /** @param cursor where the next page starts, null after the last page */
    record DuePage(List<String> agreementIds, String cursor) {
    }
}
