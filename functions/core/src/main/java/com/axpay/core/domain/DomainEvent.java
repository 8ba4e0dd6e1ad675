package com.axpay.core.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state change the merchant's systems hear about, as written to the outbox in the same conditional write as the
 * change itself. {@code aggregateId} + {@code version} identify the change, so the event id is deterministic: a
 * duplicated notification that changes nothing writes no second event, and consumers dedupe on {@link #eventId()}.
 *
 * @param detail ids, amounts, states and codes only: never a token, buyer data or an address
 */
public record DomainEvent(String source, String detailType, String aggregateId, long version, Instant occurredAt,
                          Map<String, Object> detail) {

    public static final String PAYMENTS_SOURCE = "com.axpay.payments";
    public static final String AGREEMENTS_SOURCE = "com.axpay.agreements";

    public DomainEvent {
        Required.components("source", source, "detailType", detailType, "aggregateId", aggregateId,
                "occurredAt", occurredAt);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", aggregateId + "-v" + version);
        d.putAll(detail);
        // every event says which change it is and when, after its own fields
        d.put("version", version);
        d.put("occurredAt", occurredAt.toString());
        d.values().removeIf(Objects::isNull);
        detail = java.util.Collections.unmodifiableMap(d);
    }

    /** {@code <aggregateId>-v<version>}: the same change always has the same id. */
    public String eventId() {
        return (String) detail.get("eventId");
    }
}
