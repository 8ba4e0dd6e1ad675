package com.axpay.recurring.queue;

import com.axpay.core.port.ChargeQueue.ChargeMessage;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The queue message body: {"agreementId","cycle","attempt"} (ids only: the worker re-reads everything else). */
public final class ChargeMessages {

    private ChargeMessages() {
    }

    public static String write(ChargeMessage m) {
        try {
            return JSON.std.asString(Map.of("agreementId", m.agreementId(), "cycle", m.cycle(), "attempt",
                    m.attempt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException not a charge message (a poison message: it goes to the dead-letter queue) */
    public static ChargeMessage read(String body) {
        try {
            Map<String, Object> m = JSON.std.mapFrom(body);
            if (!(m.get("agreementId") instanceof String id) || !(m.get("cycle") instanceof Number cycle)
                    || !(m.get("attempt") instanceof Number attempt)) {
                throw new IllegalArgumentException("not a charge message");
            }
            return new ChargeMessage(id, cycle.intValue(), attempt.intValue());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a charge message", e);
        }
    }
}
