package com.axpay.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A fault to inject into SOAP answers. Matches when shopLogin and operation (each optional) match the request.
 *
 * @param delayMs for latency (default 2000) and timeout (default 30000)
 * @param times   how many matching calls it affects; null = until cleared
 * @param process for latency and timeout: whether the operation takes effect (before the stall); default true
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaultRule(Long id, String shopLogin, String operation, String kind, Long delayMs, Integer times,
                        Boolean process) {
    static final List<String> KINDS = List.of("latency", "timeout", "http500", "soapFault", "malformed", "oversized",
            "systemError");

    public FaultRule {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + KINDS);
        if (delayMs == null) delayMs = "timeout".equals(kind) ? 30_000L : 2_000L;
        if (delayMs < 0 || delayMs > 600_000) throw new IllegalArgumentException("delayMs must be 0..600000");
        if (times != null && times < 1) throw new IllegalArgumentException("times must be >= 1 or null");
        if (process == null) process = Boolean.TRUE;
    }

    FaultRule withId(long v) { return new FaultRule(v, shopLogin, operation, kind, delayMs, times, process); }

    boolean matches(String shop, String op) {
        return (shopLogin == null || shopLogin.equals(shop)) && (operation == null || operation.equals(op));
    }
}
