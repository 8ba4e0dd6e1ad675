package com.axpay.kit.log;

import com.axpay.core.port.GatewayException;
import com.axpay.gateway.axerve.AxerveCallObserver;

/**
 * One log line per Axerve call with EMF metrics by {@code service}: AxerveCalls, AxerveFailures (no usable answer:
 * timeout, transport, system or credential error; a decline is an answer) and AxerveLatency. The template's
 * Axerve error-rate alarm divides the first two.
 */
public final class AxerveMetrics implements AxerveCallObserver {

    private final JsonLog log = new JsonLog("Axerve");

    @Override
    public void completed(String operation, String shopTransactionId, long elapsedNanos,
                          GatewayException.Kind failure) {
        double ms = elapsedNanos / 1_000_000.0;
        (failure == null ? log.info("axerve call") : log.warn("axerve call failed"))
                .shopTransactionId(shopTransactionId).operation(operation)
                .errorCode(failure == null ? null : failure.name())
                .dimension("service", "Axerve")
                .metric("AxerveCalls", 1, "Count")
                .metric("AxerveFailures", failure == null ? 0 : 1, "Count")
                .metric("AxerveLatency", ms, "Milliseconds")
                .write();
    }
}
