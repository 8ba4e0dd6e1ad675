package com.axpay.gateway.axerve;

import com.axpay.core.port.GatewayException;

/** Told about every Axerve call once it completes: for latency and error-rate metrics. Must not throw. */
@FunctionalInterface
public interface AxerveCallObserver {

    AxerveCallObserver NONE = (operation, shopTransactionId, elapsedNanos, failure) -> { };

    /**
     * @param shopTransactionId the transaction the call is about, or null (Decrypt)
     * @param failure           the failure's kind, or null when Axerve answered (a decline is an answer)
     */
    void completed(String operation, String shopTransactionId, long elapsedNanos, GatewayException.Kind failure);
}
