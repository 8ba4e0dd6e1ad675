package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository;

import java.time.Clock;
import java.util.EnumSet;

/**
 * Reads the transaction from Axerve (callReadTrxS2S) and stores what it says about the payment's state: an
 * AUTHORIZED payment Axerve has already settled becomes CAPTURED before a merchant operation decides on it.
 */
final class GatewayRefresh {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;

    GatewayRefresh(PaymentRepository payments, PaymentGateway gateway, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The payment as stored after applying Axerve's view (unchanged when Axerve adds nothing). */
    Payment refresh(Payment p) {
        PaymentUpdates.Decision d = PaymentUpdates.fromQuery(p, gateway.queryTransaction(p.shopTransactionId()),
                clock.instant());
        if (d instanceof PaymentUpdates.Apply apply) {
            payments.update(apply.next(), p.version(), EnumSet.of(p.state()));
        }
        return payments.findById(p.paymentId()).orElse(p);
    }
}
