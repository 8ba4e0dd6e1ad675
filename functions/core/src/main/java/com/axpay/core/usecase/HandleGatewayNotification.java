package com.axpay.core.usecase;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Axerve's server-to-server notification: Decrypt, match by ShopTransactionID, check amount and currency against
 * our record, apply the conditional transition, then read buyer and addresses with callReadTrxS2S. Safe to run twice
 * and concurrently: a duplicate finds the state already applied and gets the same answer.
 */
public final class HandleGatewayNotification {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final String shopLogin;
    private final Clock clock;
    private final ApplyOutcome outcomes;
    private final ReadDetails details;
    /** Creates the agreement when a recurring payment's token arrives; null when recurring is not wired. */
    private final ActivateAgreement agreements;

    public HandleGatewayNotification(PaymentRepository payments, PaymentGateway gateway, String shopLogin,
                                     Clock clock) {
        this(payments, gateway, shopLogin, clock, null);
    }

    public HandleGatewayNotification(PaymentRepository payments, PaymentGateway gateway, String shopLogin,
                                     Clock clock, ActivateAgreement agreements) {
        this.agreements = agreements;
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.shopLogin = Objects.requireNonNull(shopLogin);
        this.clock = Objects.requireNonNull(clock);
        this.outcomes = new ApplyOutcome(payments, clock);
        this.details = new ReadDetails(payments, clock);
    }

    /** How the notification was taken. ACCEPTED means the result is durably stored (answer 200). */
    public enum Status { ACCEPTED, REJECTED_FOREIGN_SHOP, REJECTED_UNKNOWN_TRANSACTION, REJECTED_MISMATCH }

    /** @param payment the stored payment after handling; null when rejected before matching one */
    public record Result(Status status, Payment payment) {
    }

    /**
     * @param a Axerve's shop login parameter
     * @param b the encrypted result string
     * @throws GatewayException when Decrypt fails (a redelivery is wanted for transport/system failures)
     */
    public Result handle(String a, String b) {
        if (!shopLogin.equals(a)) {
            return new Result(Status.REJECTED_FOREIGN_SHOP, null);
        }
        GatewayOutcome outcome = gateway.decrypt(a, b);
        Optional<Payment> found = outcome.shopTransactionId() == null ? Optional.empty()
                : payments.findByShopTransactionId(outcome.shopTransactionId());
        if (found.isEmpty()) {
            return new Result(Status.REJECTED_UNKNOWN_TRANSACTION, null);
        }
        Payment current = found.get();
        boolean tokenOnly = isTokenOnly(current, outcome);
        if (!tokenOnly && !matches(current, outcome)) {
            return new Result(Status.REJECTED_MISMATCH, current);
        }
        if (agreements != null && current.agreementId() != null && outcome.verdict().approved()
                && outcome.token() != null) {
            agreements.activate(current.agreementId(), outcome.token());
        }
        Payment stored = outcomes.notification(current, outcome,
                () -> gateway.queryTransaction(outcome.shopTransactionId()));
        return new Result(Status.ACCEPTED, afterTransition(stored));
    }

    /** onlyrecurring: Axerve issues the token and charges nothing, so the result's amount is 0.00. */
    private static boolean isTokenOnly(Payment p, GatewayOutcome o) {
        return p.agreementId() != null && o.token() != null && o.amount() != null && o.amount().signum() == 0;
    }

    /** Amount and currency when Decrypt returned them (a technical KO carries neither). */
    private static boolean matches(Payment p, GatewayOutcome o) {
        boolean amountOk = o.amount() == null || Amounts.same(p.amount(), o.amount());
        boolean currencyOk = o.currency() == null || p.currency().equals(o.currency());
        return amountOk && currencyOk;
    }

    /** Reads buyer, addresses and Amazon's decline reason once the outcome is stored (see {@link ReadDetails}). */
    private Payment afterTransition(Payment p) {
        return details.afterOutcome(p, gateway::queryTransaction);
    }
}
