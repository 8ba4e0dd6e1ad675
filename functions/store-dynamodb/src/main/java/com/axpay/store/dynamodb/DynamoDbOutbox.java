package com.axpay.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reading and marking outbox items for the publisher. */
public final class DynamoDbOutbox {

    /** An outbox item as the publisher needs it; {@code detail} is the JSON text published as the event's detail. */
    public record Entry(String pk, String eventId, String source, String detailType, String detail,
                        Instant deliveredAt) {
    }

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbOutbox(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client);
        this.table = Objects.requireNonNull(tableName);
    }

    /** Strongly consistent read of one outbox item by its key (as a stream record names it). */
    public Optional<Entry> find(String pk) {
        if (pk == null || !pk.startsWith(OutboxItems.PREFIX)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(PaymentItems.key(pk))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    /** Sets deliveredAt once; false when it was already set (another delivery of the same item won). */
    public boolean markDelivered(String pk, Instant at) {
        try {
            client.updateItem(r -> r.tableName(table).key(PaymentItems.key(pk))
                    .updateExpression("SET #d = :d")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#d)")
                    .expressionAttributeNames(Map.of("#d", OutboxItems.DELIVERED_AT))
                    .expressionAttributeValues(Map.of(":d", Attributes.s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Undelivered outbox items, by Scan: for the local stack and tests, which have no DynamoDB Streams trigger. In AWS
     * the stream delivers each item once it is written. Each record's changes come in version order (a Scan's order
     * is the hash's); at most {@code limit}.
     */
    public List<Entry> undelivered(int limit) {
        return client.scanPaginator(r -> r.tableName(table).consistentRead(true)
                        .filterExpression("#t = :outbox AND attribute_not_exists(#d)")
                        .expressionAttributeNames(Map.of("#t", PaymentItems.TYPE, "#d", OutboxItems.DELIVERED_AT))
                        .expressionAttributeValues(Map.of(":outbox", Attributes.s(OutboxItems.TYPE_VALUE))))
                .items().stream().map(DynamoDbOutbox::entry)
                .sorted(Comparator.comparing(DynamoDbOutbox::aggregate).thenComparingLong(DynamoDbOutbox::version))
                .limit(limit).toList();
    }

    private static String aggregate(Entry e) {
        return e.pk().substring(0, e.pk().lastIndexOf('#'));
    }

    private static long version(Entry e) {
        return Long.parseLong(e.pk().substring(e.pk().lastIndexOf('#') + 1));
    }

    private static Entry entry(Map<String, AttributeValue> m) {
        AttributeValue delivered = m.get(OutboxItems.DELIVERED_AT);
        return new Entry(m.get(TableDefinitions.PK).s(), m.get(OutboxItems.EVENT_ID).s(), m.get(OutboxItems.SOURCE).s(),
                m.get(OutboxItems.DETAIL_TYPE).s(), m.get(OutboxItems.DETAIL).s(),
                delivered == null ? null : Instant.parse(delivered.s()));
    }
}
