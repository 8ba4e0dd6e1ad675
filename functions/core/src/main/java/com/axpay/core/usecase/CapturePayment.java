package com.axpay.core.usecase;

import com.axpay.core.domain.OperationAttempt.Kind;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * POST /payments/{paymentId}/capture, for deferred-capture merchants: callSettleS2S of the full amount. Amazon Pay
 * through Axerve supports ONE capture: a payment already captured (by a previous request or by Axerve's immediate
 * capture) is refused with {@link Reason#ALREADY_CAPTURED}; when Axerve refuses (2019) the payment is refreshed
 * from Axerve first, so a concurrent second capture gets the same clear answer. The capture is recorded as an
 * attempt before the call ({@link OperationAttempts}): a second request meanwhile is refused without a call, and a
 * lost answer is reconciled from Axerve's view of the transaction, never sent twice.
 */
public final class CapturePayment {

    private final OperationAttempts attempts;
    private final PaymentOperationsGateway operations;

    /** @param lease the Axerve call's whole budget: how long an attempt may still land at Axerve */
    public CapturePayment(PaymentRepository payments, PaymentGateway gateway, PaymentOperationsGateway operations,
                          Clock clock, Duration lease) {
        this.attempts = new OperationAttempts(payments, gateway, clock, lease);
        this.operations = Objects.requireNonNull(operations);
    }

    /** @return the payment as stored, CAPTURED */
    public Payment capture(String paymentId) {
        return attempts.run(paymentId, new OperationAttempts.Operation() {
            @Override
            public Kind kind() {
                return Kind.CAPTURE;
            }

            @Override
            public Payment before(Payment current) {
                refuseUnlessAuthorized(current, null);
                return null;
            }

            @Override
            public void call(Payment p) {
                operations.capture(p.shopTransactionId(), p.bankTransactionId(), p.amount(), p.currency());
            }

            @Override
            public Payment refused(Payment refreshed, GatewayException e) {
                refuseUnlessAuthorized(refreshed, e.errorCode());
                throw OperationAttempts.refusedByAxerve("capture", e);
            }
        });
    }

    private static void refuseUnlessAuthorized(Payment p, String errorCode) {
        OperationAttempts.requireAuthorized(p, errorCode, "captured",
                "it was captured already, and Amazon Pay through Axerve supports one capture.");
    }
}
