package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import com.axpay.core.validation.Ids;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * POST /payments/{paymentId}/cancel: callDeleteS2S voids an authorization Axerve has not settled yet. A captured
 * payment is refused before Axerve is asked (refund it instead); when Axerve refuses (2017: already settled) the
 * payment is refreshed from Axerve and the answer says why. Cancelling a cancelled payment answers with it again.
 */
public final class CancelPayment {

    /** Axerve's cancelReason limit. */
    private static final int MAX_REASON = 50;

    private final PaymentRepository payments;
    private final PaymentOperationsGateway operations;
    private final GatewayRefresh refresh;
    private final StateWrite writes;

    public CancelPayment(PaymentRepository payments, PaymentGateway gateway, PaymentOperationsGateway operations,
                         Clock clock) {
        this.payments = Objects.requireNonNull(payments);
        this.operations = Objects.requireNonNull(operations);
        this.refresh = new GatewayRefresh(payments, gateway, clock);
        this.writes = new StateWrite(payments, clock);
    }

    /** @return the payment as stored, CANCELED */
    public Payment cancel(String paymentId, String reason) {
        Optional<Payment> found = Ids.wellFormed(paymentId) ? payments.findById(paymentId) : Optional.empty();
        Payment p = found.orElseThrow(() -> new OperationRefusedException(
                Reason.PAYMENT_NOT_FOUND, "No payment has this id."));
        if (reason != null && reason.length() > MAX_REASON) {
            throw new OperationRefusedException(Reason.INVALID_REQUEST,
                    "reason must be at most " + MAX_REASON + " characters.");
        }
        if (p.state() == PaymentState.CANCELED) {
            return p;
        }
        refuseUnlessAuthorized(p, null);
        try {
            operations.cancel(p.shopTransactionId(), p.bankTransactionId(), reason);
        } catch (GatewayException e) {
            if (e.outcomeUnknown() || !GatewayRefusals.isRefusal(e)) {
                throw e;
            }
            Payment now = refresh.refresh(p);
            if (now.state() == PaymentState.CANCELED) {
                return now; // a concurrent cancel got there first
            }
            refuseUnlessAuthorized(now, e.errorCode());
            throw new OperationRefusedException(Reason.GATEWAY_REFUSED, e.errorCode(),
                    "Axerve cannot cancel this payment (error " + e.errorCode() + ").");
        }
        return writes.moveTo(p, PaymentState.CANCELED);
    }

    private static void refuseUnlessAuthorized(Payment p, String errorCode) {
        if (p.state().isPaid() && p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.ALREADY_CAPTURED, errorCode, "The payment is " + p.state()
                    + ": the money was captured, so it cannot be cancelled; refund it instead.");
        }
        if (p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.INVALID_STATE, errorCode, "The payment is " + p.state()
                    + "; only an authorized payment can be cancelled.");
        }
    }
}
