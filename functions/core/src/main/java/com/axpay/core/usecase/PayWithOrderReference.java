package com.axpay.core.usecase;

import com.axpay.core.usecase.OptimisticUpdate.Pause;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.ShopTransactionIds;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.IdGenerator;
import com.axpay.core.port.PaymentRepository.Claimed;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RecurringGateway;
import com.axpay.core.validation.AmountField;
import com.axpay.core.validation.Ids;
import com.axpay.core.validation.RecurringCommand;
import com.axpay.core.validation.StartPaymentValidator;
import com.axpay.core.validation.ValidStartPayment;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * The custom-widget flow: the storefront hosts Amazon's widgets and sends the Amazon Order Reference Id; the payment
 * is claimed by orderId BEFORE callPagamS2S (AMAZONPAY + transKey), so a repeat of the request answers with the same
 * payment, and a timeout leaves it UNKNOWN until callReadTrxS2S (on the repeat) says what happened.
 */
public final class PayWithOrderReference {

    private static final Pattern ORDER_REFERENCE = Pattern.compile("[A-Z0-9]{3}-[0-9]{7}-[0-9]{7}");
    /** A round is lost only when another request claimed the order meanwhile; the next one resumes theirs. */
    private static final int MAX_ROUNDS = 4;

    private final PaymentRepository payments;
    private final RecurringGateway gateway;
    private final Set<String> currencies;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration callLease;
    private final ApplyOutcome outcomes;
    private final ReadDetails details;
    /** Where recurring terms wait for the token, and what turns them into an agreement; null: recurring refused. */
    private final AgreementRepository agreements;
    private final ActivateAgreement activation;
    private final StartPaymentValidator recurringTerms;

    /** @param callLease how long a CREATED payment belongs to the request still waiting for Axerve */
    public PayWithOrderReference(PaymentRepository payments, RecurringGateway gateway, Set<String> currencies,
                                 Clock clock, IdGenerator ids, Duration callLease) {
        this(payments, gateway, currencies, clock, ids, callLease, null);
    }

    /**
     * @param agreements with consent (a billing agreement id as transKey and {@code recurring} terms), the token
     *                   Axerve answers with becomes an agreement, as a paynowandrecurring payment's does
     */
    public PayWithOrderReference(PaymentRepository payments, RecurringGateway gateway, Set<String> currencies,
                                 Clock clock, IdGenerator ids, Duration callLease, AgreementRepository agreements) {
        this.agreements = agreements;
        this.activation = agreements == null ? null : new ActivateAgreement(agreements, clock);
        this.recurringTerms = StartPaymentValidator.forRecurringTerms(currencies);
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.currencies = Set.copyOf(currencies);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.callLease = Objects.requireNonNull(callLease);
        this.outcomes = new ApplyOutcome(payments, clock);
        this.details = new ReadDetails(payments, clock);
    }

    /**
     * @param amazonOrderReferenceId the Order Reference Id, or the Billing Agreement Id the buyer consented to
     * @param recurring              the agreement's terms when the buyer consented (mode paynowandrecurring), or null
     */
    public record Command(String orderId, String amount, String currency, String amazonOrderReferenceId,
                          RecurringCommand recurring) {

        public Command(String orderId, String amount, String currency, String amazonOrderReferenceId) {
            this(orderId, amount, currency, amazonOrderReferenceId, null);
        }
    }

    public record Result(Payment payment, boolean created) {
    }

    /**
     * @throws ValidationException      bad input
     * @throws PaymentConflictException the order has a live payment with another amount or currency
     * @throws GatewayException         Axerve failed; with {@code outcomeUnknown} a repeat resolves it
     */
    public Result pay(Command c) {
        BigDecimal amount = validate(c);
        ValidStartPayment.Recurring recurring = recurring(c);
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, "order " + c.orderId() + " kept changing while claiming it",
                ignored -> {
            Payment current = OrderPayments.latest(payments, c.orderId());
            if (current != null && !current.state().isFailed()) {
                OrderPayments.requireSameMoney(current, c.orderId(), amount, c.currency());
                return done(new Result(resume(current, c), false));
            }
            int attempt = current == null ? 1 : current.attempt() + 1;
            if (payments.claim(newPayment(c, amount, attempt, recurring)) instanceof Claimed claimed) {
                if (claimed.payment().agreementId() != null) {
                    // stored before Axerve is called: the token in its answer must find the terms
                    agreements.saveTerms(new AgreementTerms(claimed.payment().agreementId(),
                            claimed.payment().paymentId(), c.orderId(), recurring.mode(), recurring.plan(),
                            clock.instant()));
                }
                return done(new Result(submit(claimed.payment(), c), true));
            }
            return again(null);
        });
    }

    private Payment resume(Payment p, Command c) {
        boolean stale = p.state() == PaymentState.CREATED && p.updatedAt().plus(callLease).isBefore(clock.instant());
        if (p.state() != PaymentState.UNKNOWN && !stale) {
            return p;
        }
        GatewayOutcome q;
        try {
            q = gateway.queryTransaction(p.shopTransactionId());
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.NOT_FOUND) {
                return submit(p, c); // Axerve never saw it: same shopTransactionId again
            }
            throw e;
        }
        return details.afterOutcome(outcomes.notification(p, q, () -> q), gateway::queryTransaction);
    }

    private Payment submit(Payment p, Command c) {
        GatewayOutcome outcome;
        try {
            outcome = gateway.payWithOrderReference(p.shopTransactionId(), p.amount(), p.currency(),
                    c.amazonOrderReferenceId());
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.ALREADY_PROCESSED) {
                GatewayOutcome q = gateway.queryTransaction(p.shopTransactionId());
                return outcomes.notification(p, q, () -> q);
            }
            if (e.outcomeUnknown()) {
                OrderPayments.markUnknown(payments, p, clock.instant());
            }
            throw e;
        }
        GatewayOutcome result = outcome;
        if (activation != null && p.agreementId() != null && result.verdict().approved()
                && result.token() != null && !result.token().isBlank()) {
            activation.activate(p.agreementId(), result.token());
        }
        Payment stored = outcomes.notification(p, result, () -> gateway.queryTransaction(p.shopTransactionId()));
        // as after a payment-page notification: addresses, captured or not, Amazon's reason of a decline
        return details.afterOutcome(stored, gateway::queryTransaction);
    }

    /** The terms of a consented payment: only paynowandrecurring, since a widget payment always charges now. */
    private ValidStartPayment.Recurring recurring(Command c) {
        if (c.recurring() == null) {
            return null;
        }
        if (agreements == null) {
            throw new ValidationException(List.of(new ValidationError("recurring", "is not enabled")));
        }
        ValidStartPayment.Recurring r = recurringTerms.validateRecurring(c.recurring());
        if (r.mode() != RecurringMode.PAY_NOW_AND_RECURRING) {
            throw new ValidationException(List.of(new ValidationError("recurring.mode",
                    "must be paynowandrecurring: a widget payment charges now")));
        }
        return r;
    }

    private Payment newPayment(Command c, BigDecimal amount, int attempt, ValidStartPayment.Recurring recurring) {
        var now = clock.instant();
        String paymentId = ids.newPaymentId();
        return Payment.builder()
                .paymentId(paymentId)
                .agreementId(recurring == null ? null : ChargeIds.agreementIdFor(paymentId))
                .orderId(c.orderId())
                .attempt(attempt)
                .shopTransactionId(ShopTransactionIds.of(c.orderId(), attempt))
                .amount(amount)
                .currency(c.currency())
                .state(PaymentState.CREATED)
                .version(1)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    private BigDecimal validate(Command c) {
        List<ValidationError> errors = new ArrayList<>();
        if (!Ids.wellFormed(c.orderId())) {
            errors.add(new ValidationError("orderId", "is required: " + Ids.RULE));
        }
        BigDecimal amount = AmountField.parse("amount", c.amount(), errors);
        if (c.currency() == null || !currencies.contains(c.currency())) {
            errors.add(new ValidationError("currency", "is required: a supported ISO 4217 code"));
        }
        if (c.amazonOrderReferenceId() == null || !ORDER_REFERENCE.matcher(c.amazonOrderReferenceId()).matches()) {
            errors.add(new ValidationError("amazonOrderReferenceId",
                    "is required: like S02-1234567-1234567 (or a billing agreement id, C02-1234567-1234567)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return amount;
    }
}
