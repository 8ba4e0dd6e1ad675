package com.axpay.core.port;

import java.util.UUID;

/** Makes new payment ids; a port so tests and replays can fix them. */
@FunctionalInterface
public interface IdGenerator {

    String newPaymentId();

    /** Random ids: "pay_" and 32 hex digits of a random UUID. */
    static IdGenerator random() {
        return () -> "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}
