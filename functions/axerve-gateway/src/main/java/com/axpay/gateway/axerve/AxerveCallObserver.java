package com.axpay.gateway.axerve;

import com.axpay.core.port.GatewayException;
import com.axpay.soap.AxerveException;

import java.util.function.Supplier;

/**
 * Told about every Axerve call once it completes: for latency and error-rate metrics. Must not throw. Both gateways
 * (payments and recurring) run their SOAP calls through {@link #observe}, so the Axerve-failure alarm sees every call.
 */
@FunctionalInterface
public interface AxerveCallObserver {

    AxerveCallObserver NONE = (operation, shopTransactionId, elapsedNanos, failure) -> { };

    /**
     * @param shopTransactionId the transaction the call is about, or null (Decrypt, token deletion)
     * @param failure           the failure's kind, or null when Axerve answered (a decline is an answer)
     */
    void completed(String operation, String shopTransactionId, long elapsedNanos, GatewayException.Kind failure);

    /**
     * Runs one SOAP call and reports how long it took and whether Axerve failed to answer: a decline, a refused
     * request, not found or already processed are answers; a timeout, transport, system or credential error is not.
     */
    default <T> T observe(String operation, String shopTransactionId, Supplier<T> call) {
        long start = System.nanoTime();
        GatewayException.Kind failure = null;
        try {
            return call.get();
        } catch (AxerveException e) {
            GatewayException.Kind kind = GatewayErrors.kind(e);
            failure = kind == GatewayException.Kind.DECLINED || kind == GatewayException.Kind.INVALID_REQUEST
                    || kind == GatewayException.Kind.NOT_FOUND || kind == GatewayException.Kind.ALREADY_PROCESSED
                    ? null : kind;
            throw e;
        } finally {
            completed(operation, shopTransactionId, System.nanoTime() - start, failure);
        }
    }
}
