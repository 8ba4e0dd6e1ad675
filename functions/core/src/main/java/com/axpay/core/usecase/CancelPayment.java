package com.axpay.core.usecase;

import com.axpay.core.domain.OperationAttempt.Kind;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * POST /payments/{paymentId}/cancel: callDeleteS2S voids an authorization Axerve has not settled yet. A captured
 * payment is refused before Axerve is asked (refund it instead); when Axerve refuses (2017: already settled) the
 * payment is refreshed from Axerve and the answer says why. Cancelling a cancelled payment answers with it again.
 * The cancel is recorded as an attempt before the call ({@link OperationAttempts}), like a capture.
 */
public final class CancelPayment {

    /** Axerve's cancelReason limit. */
    private static final int MAX_REASON = 50;

    private final OperationAttempts attempts;
    private final PaymentOperationsGateway operations;

    /** @param lease the Axerve call's whole budget: how long an attempt may still land at Axerve */
    public CancelPayment(PaymentRepository payments, PaymentGateway gateway, PaymentOperationsGateway operations,
                         Clock clock, Duration lease) {
        this.attempts = new OperationAttempts(payments, gateway, clock, lease);
        this.operations = Objects.requireNonNull(operations);
    }

    /** @return the payment as stored, CANCELED */
    public Payment cancel(String paymentId, String reason) {
        attempts.load(paymentId); // an unknown payment is a 404 before the body's rules
        if (reason != null && reason.length() > MAX_REASON) {
            throw new OperationRefusedException(Reason.INVALID_REQUEST,
                    "reason must be at most " + MAX_REASON + " characters.");
        }
        return attempts.run(paymentId, new OperationAttempts.Operation() {
            @Override
            public Kind kind() {
                return Kind.CANCEL;
            }

            @Override
            public Payment before(Payment current) {
                if (current.state() == PaymentState.CANCELED) {
                    return current;
                }
                refuseUnlessAuthorized(current, null);
                return null;
            }

            @Override
            public void call(Payment p) {
                operations.cancel(p.shopTransactionId(), p.bankTransactionId(), reason);
            }

            @Override
            public Payment refused(Payment now, GatewayException e) {
                if (now.state() == PaymentState.CANCELED) {
                    return now; // a concurrent cancel got there first
                }
                refuseUnlessAuthorized(now, e.errorCode());
                throw OperationAttempts.refusedByAxerve("cancel", e);
            }
        });
    }

    private static void refuseUnlessAuthorized(Payment p, String errorCode) {
        OperationAttempts.requireAuthorized(p, errorCode, "cancelled",
                "the money was captured, so it cannot be cancelled; refund it instead.");
    }
}
