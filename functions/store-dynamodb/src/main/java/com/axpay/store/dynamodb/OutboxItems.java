package com.axpay.store.dynamodb;

import com.axpay.core.domain.DomainEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import static com.axpay.store.dynamodb.Attributes.s;

/**
 * Outbox items: one per published state change, {@code pk = OUTBOX#<aggregateId>#<version>}, written in the same
 * TransactWriteItems as the change (so a change and its event exist together or not at all). The publisher (a
 * DynamoDB Streams trigger filtered on {@code type = OUTBOX}) sends them to EventBridge and sets {@code deliveredAt}.
 */
public final class OutboxItems {

    public static final String PREFIX = "OUTBOX#";
    public static final String TYPE_VALUE = "OUTBOX";
    public static final String EVENT_ID = "eventId";
    public static final String SOURCE = "source";
    public static final String DETAIL_TYPE = "detailType";
    public static final String DETAIL = "detail";
    public static final String DELIVERED_AT = "deliveredAt";

    private OutboxItems() {
    }

    /**
     * The outbox put for {@code event}, for a caller's own transaction (the recurring code adds it next to its
     * conditional agreement write). Fails the transaction if the same change was already recorded.
     */
    public static TransactWriteItem put(String table, DomainEvent event) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(event))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    static Map<String, AttributeValue> item(DomainEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(PREFIX + e.aggregateId() + "#" + e.version()));
        m.put(PaymentItems.TYPE, s(TYPE_VALUE));
        m.put(EVENT_ID, s(e.eventId()));
        m.put(SOURCE, s(e.source()));
        m.put(DETAIL_TYPE, s(e.detailType()));
        m.put("occurredAt", s(e.occurredAt().toString()));
        try {
            m.put(DETAIL, s(JSON.std.asString(e.detail())));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return m;
    }
}
