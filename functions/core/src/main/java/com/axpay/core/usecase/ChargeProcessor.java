package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Verdict;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.RecurringGateway;
import com.axpay.core.usecase.OptimisticUpdate.Pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * Drives one stored charge record to a verdict, safely under duplicates and crashes (RELIABILITY rules 2, 4, 9):
 * <ul>
 *   <li>SCHEDULED: claimed (SUBMITTING) with a conditional write that also checks the agreement, then Axerve is
 *       called with the record's deterministic shopTransactionId;</li>
 *   <li>a timeout leaves it UNKNOWN; UNKNOWN, or SUBMITTING past its lease (a crashed worker), is resolved with
 *       callReadTrxS2S first: found → its outcome is stored; not found → Axerve never saw it, so it is sent again
 *       with the same shopTransactionId;</li>
 *   <li>the verdict and the agreement's next state are written in one transaction.</li>
 * </ul>
 */
public final class ChargeProcessor {

    /**
     * One more than the payment use cases: a round may also end in the charge's own next step (claimed, then found
     * UNKNOWN or sent again after a not-found query) rather than in a lost write.
     */
    private static final int MAX_ROUNDS = 6;

    private final AgreementRepository agreements;
    private final RecurringGateway gateway;
    private final DunningPolicy dunning;
    private final Clock clock;
    private final Duration submitLease;

    /** @param submitLease how long a SUBMITTING charge belongs to its worker (at least the Axerve call budget) */
    public ChargeProcessor(AgreementRepository agreements, RecurringGateway gateway, DunningPolicy dunning,
                           Clock clock, Duration submitLease) {
        this.agreements = Objects.requireNonNull(agreements);
        this.gateway = Objects.requireNonNull(gateway);
        this.dunning = Objects.requireNonNull(dunning);
        this.clock = Objects.requireNonNull(clock);
        this.submitLease = Objects.requireNonNull(submitLease);
    }

    public enum Status {
        /** The charge has its verdict (SUCCEEDED, DECLINED or SKIPPED), now or before. */
        SETTLED,
        /** Another worker is calling Axerve for it right now. */
        IN_FLIGHT,
        /** Axerve's outcome is not known yet: try again later (the query comes first). */
        UNRESOLVED
    }

    public record Result(Status status, ChargeRecord charge, Agreement agreement) {
    }

    public Clock clock() {
        return clock;
    }

    public DunningPolicy dunning() {
        return dunning;
    }

    /** Takes the charge as far as it can go now. */
    public Result process(String chargeKey) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, (Result) null, seen -> {
            ChargeRecord c = agreements.findCharge(chargeKey)
                    .orElseThrow(() -> new IllegalStateException("no charge " + chargeKey));
            String agreementId = c.agreementId();
            Agreement a = agreements.findById(agreementId).orElseThrow(() -> new IllegalStateException(
                    "no agreement " + agreementId));
            // what this round saw: the answer if every round is lost
            Result unresolved = new Result(Status.UNRESOLVED, c, a);
            Optional<Result> r = switch (c.state()) {
                case SUCCEEDED, DECLINED, SKIPPED -> Optional.of(new Result(Status.SETTLED, c, a));
                case SCHEDULED -> {
                    if (!a.awaits(c)) {
                        yield settle(c, c.with(ChargeState.SKIPPED, clock.instant()), a);
                    }
                    ChargeRecord submitting = c.submitting(clock.instant());
                    if (!agreements.claimCharge(submitting, c.version())) {
                        yield Optional.empty(); // another worker claimed it or the agreement moved: re-decide
                    }
                    yield submit(submitting.withVersion(c.version() + 1), a);
                }
                case SUBMITTING, UNKNOWN -> {
                    if (c.state() == ChargeState.SUBMITTING && c.submittedAt() != null
                            && c.submittedAt().plus(submitLease).isAfter(clock.instant())) {
                        yield Optional.of(new Result(Status.IN_FLIGHT, c, a));
                    }
                    yield resolve(c, a);
                }
            };
            return r.isPresent() ? done(r.get()) : again(unresolved);
        }, seen -> seen);
    }

    /** Empty: re-read and go round again. */
    private Optional<Result> submit(ChargeRecord c, Agreement a) {
        GatewayOutcome outcome;
        try {
            outcome = gateway.chargeToken(c.shopTransactionId(), c.amount(), c.currency(), a.token());
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.ALREADY_PROCESSED) {
                return resolve(c, a); // Axerve has this shopTransactionId: its stored outcome is the truth
            }
            if (e.outcomeUnknown()) {
                agreements.updateCharge(c.with(ChargeState.UNKNOWN, clock.instant()), c.version());
                return Optional.of(new Result(Status.UNRESOLVED, c.with(ChargeState.UNKNOWN, clock.instant()), a));
            }
            // Axerve refused the request itself (configuration, validation): nothing was charged, so the record goes
            // back to SCHEDULED and the failure surfaces (queue redelivery, then the dead-letter queue)
            agreements.updateCharge(c.with(ChargeState.SCHEDULED, clock.instant()), c.version());
            throw e;
        }
        return verdict(c, a, outcome);
    }

    private Optional<Result> resolve(ChargeRecord c, Agreement a) {
        GatewayOutcome q;
        try {
            q = gateway.queryTransaction(c.shopTransactionId());
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.NOT_FOUND) {
                // Axerve never saw it: send it again, same shopTransactionId (Axerve refuses a second one anyway)
                agreements.updateCharge(c.with(ChargeState.SCHEDULED, clock.instant()), c.version());
                return Optional.empty();
            }
            return Optional.of(new Result(Status.UNRESOLVED, c, a));
        }
        return verdict(c, a, q);
    }

    private Optional<Result> verdict(ChargeRecord c, Agreement a, GatewayOutcome o) {
        Instant now = clock.instant();
        if (o.verdict().approved()) {
            return settle(c, c.succeeded(o.bankTransactionId(), now), a);
        }
        if (o.verdict() == Verdict.PENDING || o.verdict() == Verdict.NO_VERDICT) {
            if (c.state() != ChargeState.UNKNOWN) {
                agreements.updateCharge(c.with(ChargeState.UNKNOWN, now), c.version());
            }
            return Optional.of(new Result(Status.UNRESOLVED, c.with(ChargeState.UNKNOWN, now), a));
        }
        GatewayOutcome.Decline decline = o.declineOrUnspecified();
        String code = o.errorCode() == null ? "" : o.errorCode().strip(); // kept as given on the record
        return settle(c, c.declined(code, decline.reasonCode(), decline.declineClass(), now), a);
    }

    /** Writes the verdict with the agreement's next state; re-reads the agreement when it changed meanwhile. */
    private Optional<Result> settle(ChargeRecord before, ChargeRecord settled, Agreement a) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, a, current -> {
            Instant now = clock.instant();
            Agreement next = switch (settled.state()) {
                case SUCCEEDED -> current.afterSuccess(settled, now);
                case DECLINED -> current.afterDecline(settled, dunning, now);
                default -> current.afterSkip(settled, now);
            };
            AgreementEvent event = AgreementEvent.ofSettlement(current, next, settled, now);
            if (agreements.settle(settled, before.version(), next, current.version(), event)) {
                ChargeRecord stored = settled.withVersion(before.version() + 1);
                Agreement storedAgreement = next.withVersion(current.version() + 1);
                return done(Optional.of(new Result(Status.SETTLED, stored, storedAgreement)));
            }
            Optional<ChargeRecord> fresh = agreements.findCharge(before.key());
            if (fresh.isEmpty() || fresh.get().version() != before.version()) {
                return done(Optional.empty()); // someone else settled or moved the charge: start over from the store
            }
            return again(agreements.findById(a.agreementId()).orElseThrow());
        }, current -> Optional.empty());
    }
}
