package com.axpay.core.usecase;

import com.axpay.core.usecase.OptimisticUpdate.Pause;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.ShopTransactionIds;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.IdGenerator;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentGateway.HostedPayment;
import com.axpay.core.port.PaymentGateway.HostedPaymentRequest;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.PaymentRepository.AlreadyClaimed;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.port.PaymentRepository.Claimed;
import com.axpay.core.validation.StartPaymentCommand;
import com.axpay.core.validation.StartPaymentValidator;
import com.axpay.core.validation.ValidStartPayment;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * POST /payments: claims the order and the payment record BEFORE calling Axerve, then Encrypts and stores the
 * payment page URL. The same order again returns the same payment; a timeout leaves a record that the next call
 * (or the reconciler) resumes with the same shopTransactionId.
 */
public final class StartPayment {

    /** Claim races are resolved by re-reading; a few rounds is plenty since each round observes a newer claim. */
    /** A round is lost only when another request claimed the order meanwhile; the next one resumes theirs. */
    private static final int MAX_ROUNDS = 4;

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final StartPaymentValidator validator;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration encryptLease;
    /** Where recurring terms wait for the token; null when this deployment takes no recurring payments. */
    private final AgreementRepository agreements;

    /**
     * @param encryptLease how long a CREATED payment is left to the call that claimed it (which may still be waiting
     *                     for Encrypt) before a duplicate request resumes it; at least the gateway's call timeout
     */
    public StartPayment(PaymentRepository payments, PaymentGateway gateway, StartPaymentValidator validator,
                        Clock clock, IdGenerator ids, Duration encryptLease) {
        this(payments, gateway, validator, clock, ids, encryptLease, null);
    }

    /** @param agreements stores the recurring terms of a payment before its Encrypt (null: recurring is refused) */
    public StartPayment(PaymentRepository payments, PaymentGateway gateway, StartPaymentValidator validator,
                        Clock clock, IdGenerator ids, Duration encryptLease, AgreementRepository agreements) {
        this.agreements = agreements;
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.validator = Objects.requireNonNull(validator);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.encryptLease = Objects.requireNonNull(encryptLease);
    }

    /** The payment and whether this call created it. */
    public record Result(Payment payment, boolean created) {
    }

    /**
     * @throws com.axpay.core.validation.ValidationException bad input (400)
     * @throws PaymentConflictException                    live payment with another amount/currency (409)
     * @throws GatewayException                            Axerve failed; with {@code outcomeUnknown} the record is
     *                                                     UNKNOWN and a retry resumes it
     */
    public Result start(StartPaymentCommand command) {
        ValidStartPayment v = validator.validate(command);
        if (v.recurring() != null && agreements == null) {
            throw new ValidationException(List.of(new ValidationError("recurring", "is not enabled")));
        }
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, "order " + v.orderId() + " kept changing while claiming it",
                ignored -> {
            Payment current = OrderPayments.latest(payments, v.orderId());
            if (current != null && !current.state().isFailed()) {
                return done(resume(current, v));
            }
            int attempt = current == null ? 1 : current.attempt() + 1;
            Payment fresh = newPayment(v, attempt);
            PaymentRepository.ClaimResult claim = payments.claim(fresh);
            if (claim instanceof Claimed c) {
                return done(new Result(encrypt(c.payment(), v), true));
            }
            if (!(claim instanceof AlreadyClaimed)) {
                throw new IllegalStateException("unexpected claim result " + claim);
            }
            return again(null);
        });
    }

    private Result resume(Payment current, ValidStartPayment v) {
        OrderPayments.requireSameMoney(current, v.orderId(), v.amount(), v.currency());
        boolean abandonedClaim = current.state() == PaymentState.CREATED
                && current.updatedAt().plus(encryptLease).isBefore(clock.instant());
        // Axerve refused the last Encrypt for good: nothing exists there, so trying again at once is safe and
        // answers with Axerve's current verdict instead of a payment page that never came
        boolean refusedClaim = current.state() == PaymentState.CREATED && current.errorCode() != null;
        if (current.state() == PaymentState.UNKNOWN || abandonedClaim || refusedClaim) {
            return new Result(encrypt(current, v), false); // same shopTransactionId: never a second live payment
        }
        return new Result(current, false);
    }

    private Payment encrypt(Payment p, ValidStartPayment v) {
        HostedPayment hosted;
        String billingAgreement = null;
        if (p.agreementId() != null && v.recurring() != null) {
            // stored before Encrypt: the token's notification must find the terms, however fast it comes
            agreements.saveTerms(new AgreementTerms(p.agreementId(), p.paymentId(), p.orderId(), v.recurring().mode(),
                    v.recurring().plan(), clock.instant()));
            billingAgreement = v.recurring().mode().wire();
        }
        try {
            hosted = gateway.startHostedPayment(new HostedPaymentRequest(p.shopTransactionId(), p.amount(),
                    p.currency(), p.buyer(), p.language(), p.customInfo(), billingAgreement));
        } catch (GatewayException e) {
            if (e.outcomeUnknown()) {
                OrderPayments.markUnknown(payments, p, clock.instant());
            } else if (p.state() == PaymentState.CREATED) {
                // a definite refusal leaves the record CREATED with Axerve's code: a retry Encrypts again at once,
                // the reconciler expires it otherwise
                payments.update(p.toBuilder().errorCode(e.errorCode() == null ? e.kind().name() : e.errorCode())
                        .updatedAt(clock.instant()).build(), p.version(), EnumSet.of(p.state()));
            }
            throw e;
        }
        Payment redirected = p.toBuilder()
                .state(PaymentState.REDIRECTED)
                .redirectUrl(hosted.redirectUrl())
                .errorCode(null)
                .errorDescription(null)
                .updatedAt(clock.instant())
                .build();
        PaymentRepository.WriteResult w = payments.update(redirected, p.version(), EnumSet.of(p.state()));
        if (w instanceof Applied a) {
            return a.payment();
        }
        // A concurrent retry or an early notification moved it first: answer with what is stored.
        return payments.findById(p.paymentId()).orElseThrow();
    }

    private Payment newPayment(ValidStartPayment v, int attempt) {
        var now = clock.instant();
        String paymentId = ids.newPaymentId();
        return Payment.builder()
                .paymentId(paymentId)
                .agreementId(v.recurring() == null ? null : ChargeIds.agreementIdFor(paymentId))
                .orderId(v.orderId())
                .attempt(attempt)
                .shopTransactionId(ShopTransactionIds.of(v.orderId(), attempt))
                .amount(v.amount())
                .currency(v.currency())
                .state(PaymentState.CREATED)
                .version(1)
                .buyer(v.buyer())
                .language(v.language())
                .customInfo(v.customInfo())
                .returnUrl(v.returnUrl())
                .createdAt(now)
                .updatedAt(now)
                .build();
    }
}
