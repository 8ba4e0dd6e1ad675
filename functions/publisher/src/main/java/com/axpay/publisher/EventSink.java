package com.axpay.publisher;

import com.axpay.store.dynamodb.DynamoDbOutbox;

/** Where outbox entries are published: EventBridge in AWS and in the local stack (its loopback emulator). */
public interface EventSink {

    /** Publishes one entry; throws when it was not accepted, so the delivery is retried. */
    void publish(DynamoDbOutbox.Entry entry);
}
