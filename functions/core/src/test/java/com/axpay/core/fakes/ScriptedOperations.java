package com.axpay.core.fakes;

import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentOperationsGateway;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refund, cancel and capture that succeed unless a failure is scripted for the next call; the refunded total is what
 * the test says the gateway holds.
 */
public final class ScriptedOperations implements PaymentOperationsGateway {

    private final Deque<GatewayException> failures = new ArrayDeque<>();
    private final AtomicInteger refunds = new AtomicInteger();
    private volatile BigDecimal refundedTotal = BigDecimal.ZERO;

    public synchronized ScriptedOperations failNext(GatewayException e) {
        failures.add(e);
        return this;
    }

    public void refundedTotalIs(BigDecimal total) {
        refundedTotal = total;
    }

    /** Refunds sent (whatever their answer). */
    public int refundsSent() {
        return refunds.get();
    }

    private synchronized void maybeFail() {
        GatewayException e = failures.poll();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void refund(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency,
                       String reason) {
        refunds.incrementAndGet();
        maybeFail();
    }

    @Override
    public void cancel(String shopTransactionId, String bankTransactionId, String reason) {
        maybeFail();
    }

    @Override
    public void capture(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency) {
        maybeFail();
    }

    @Override
    public BigDecimal refundedTotal(String shopTransactionId) {
        return refundedTotal;
    }
}
