package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.validation.Ids;

import java.util.Objects;
import java.util.Optional;

/** Reads a payment by id for the storefront. */
public final class GetPayment {

    private final PaymentRepository payments;

    public GetPayment(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments);
    }

    public Optional<Payment> get(String paymentId) {
        if (!Ids.wellFormed(paymentId)) { // names no payment: the store is not asked
            return Optional.empty();
        }
        return payments.findById(paymentId);
    }
}
