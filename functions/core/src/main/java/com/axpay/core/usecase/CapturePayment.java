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
 * POST /payments/{paymentId}/capture, for deferred-capture merchants: callSettleS2S of the full amount. Amazon Pay
 * through Axerve supports ONE capture: a payment already captured (by a previous request or by Axerve's immediate
 * capture) is refused with {@link Reason#ALREADY_CAPTURED}; when Axerve refuses (2019) the payment is refreshed
 * from Axerve first, so a concurrent second capture gets the same clear answer.
 */
public final class CapturePayment {

    private final PaymentRepository payments;
    private final PaymentOperationsGateway operations;
    private final GatewayRefresh refresh;
    private final StateWrite writes;

    public CapturePayment(PaymentRepository payments, PaymentGateway gateway, PaymentOperationsGateway operations,
                          Clock clock) {
        this.payments = Objects.requireNonNull(payments);
        this.operations = Objects.requireNonNull(operations);
        this.refresh = new GatewayRefresh(payments, gateway, clock);
        this.writes = new StateWrite(payments, clock);
    }

    /** @return the payment as stored, CAPTURED */
    public Payment capture(String paymentId) {
        Optional<Payment> found = Ids.wellFormed(paymentId) ? payments.findById(paymentId) : Optional.empty();
        Payment p = found.orElseThrow(() -> new OperationRefusedException(
                Reason.PAYMENT_NOT_FOUND, "No payment has this id."));
        refuseUnlessAuthorized(p, null);
        try {
            operations.capture(p.shopTransactionId(), p.bankTransactionId(), p.amount(), p.currency());
        } catch (GatewayException e) {
            if (e.outcomeUnknown() || !GatewayRefusals.isRefusal(e)) {
                throw e;
            }
            refuseUnlessAuthorized(refresh.refresh(p), e.errorCode());
            throw new OperationRefusedException(Reason.GATEWAY_REFUSED, e.errorCode(),
                    "Axerve cannot capture this payment (error " + e.errorCode() + ").");
        }
        return writes.moveTo(p, PaymentState.CAPTURED);
    }

    private static void refuseUnlessAuthorized(Payment p, String errorCode) {
        if (p.state().isPaid() && p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.ALREADY_CAPTURED, errorCode, "The payment is " + p.state()
                    + ": it was captured already, and Amazon Pay through Axerve supports one capture.");
        }
        if (p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.INVALID_STATE, errorCode, "The payment is " + p.state()
                    + "; only an authorized payment can be captured.");
        }
    }
}
