package com.axpay.publisher;

import com.axpay.store.dynamodb.DynamoDbOutbox;

import java.time.Clock;
import java.util.Objects;

/**
 * Delivers one outbox item: publish, then mark it delivered conditionally. An item already marked is skipped, so a
 * stream record delivered twice normally publishes once; in the rare crash between publish and mark it is published
 * again with the same {@code detail.eventId}, which consumers dedupe on (EventBridge itself is at-least-once).
 */
public final class OutboxPublisher {

    /** What happened to one item. */
    public enum Delivery { PUBLISHED, ALREADY_DELIVERED, NOT_AN_OUTBOX_ITEM }

    private final DynamoDbOutbox outbox;
    private final EventSink sink;
    private final Clock clock;

    public OutboxPublisher(DynamoDbOutbox outbox, EventSink sink, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.sink = Objects.requireNonNull(sink);
        this.clock = Objects.requireNonNull(clock);
    }

    public Delivery deliver(String pk) {
        var entry = outbox.find(pk);
        if (entry.isEmpty()) {
            return Delivery.NOT_AN_OUTBOX_ITEM;
        }
        if (entry.get().deliveredAt() != null) {
            return Delivery.ALREADY_DELIVERED;
        }
        sink.publish(entry.get());
        return outbox.markDelivered(pk, clock.instant()) ? Delivery.PUBLISHED : Delivery.ALREADY_DELIVERED;
    }

    /** Delivers what is still undelivered (local stack and tests, which have no stream trigger); bounded. */
    public int drain(int limit) {
        int published = 0;
        for (DynamoDbOutbox.Entry e : outbox.undelivered(limit)) {
            published += deliver(e.pk()) == Delivery.PUBLISHED ? 1 : 0;
        }
        return published;
    }
}
