package com.axpay.store.dynamodb;

import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.RefundRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.axpay.store.dynamodb.ItemAccess.versioned;

/**
 * {@link RefundRepository} on the payments table: refund items next to their payment, each write one
 * TransactWriteItems over the refund, the payment (conditional on its version) and, for a confirmed refund, its
 * outbox item.
 */
public final class DynamoDbRefundRepository implements RefundRepository {

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbRefundRepository(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client);
        this.table = Objects.requireNonNull(tableName);
    }

    @Override
    public Optional<Refund> find(String paymentId, String refundId) {
        return ItemAccess.get(client, table, RefundItems.key(paymentId, refundId)).map(RefundItems::fromItem);
    }

    @Override
    public Outcome reserve(Refund refund, Payment payment, long expectedVersion) {
        Put refundPut = Put.builder().tableName(table).item(RefundItems.toItem(refund))
                .conditionExpression("attribute_not_exists(pk)").build();
        try {
            client.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(refundPut).build(),
                    TransactWriteItem.builder().put(paymentPut(payment, expectedVersion, null)).build()));
            return Outcome.WRITTEN;
        } catch (TransactionCanceledException e) {
            return ItemAccess.failedAt(e, 0) ? Outcome.REFUND_EXISTS : Outcome.CHANGED;
        }
    }

    @Override
    public Outcome settle(Refund refund, Payment payment, long expectedVersion, PaymentState expectedState,
                          DomainEvent event) {
        Refund stored = new Refund(refund.paymentId(), refund.refundId(), refund.amount(), refund.currency(),
                refund.reason(), refund.state(), refund.errorCode(), refund.version() + 1, refund.attempts(),
                refund.createdAt(), refund.updatedAt());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .put(versioned(table, RefundItems.toItem(stored), refund.version())).build());
        items.add(TransactWriteItem.builder().put(paymentPut(payment, expectedVersion, expectedState)).build());
        if (event != null) {
            items.add(OutboxItems.put(table, event));
        }
        try {
            client.transactWriteItems(r -> r.transactItems(items));
            return Outcome.WRITTEN;
        } catch (TransactionCanceledException e) {
            return Outcome.CHANGED;
        }
    }

    @Override
    public boolean claimAttempt(Refund claimed) {
        try {
            client.putItem(r -> r.tableName(table).item(RefundItems.toItem(claimed))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", PaymentItems.VERSION))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(claimed.version() - 1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Refund> findPending(Instant updatedBefore, int limit) {
        return client.query(r -> r.tableName(table)
                        .indexName(TableDefinitions.OPEN_STATE_INDEX)
                        .keyConditionExpression("#os = :bucket AND #since < :before")
                        .expressionAttributeNames(Map.of("#os", TableDefinitions.OPEN_STATE,
                                "#since", TableDefinitions.OPEN_SINCE))
                        .expressionAttributeValues(Map.of(":bucket", Attributes.s(RefundItems.PENDING_BUCKET),
                                ":before", Attributes.n(updatedBefore.toEpochMilli())))
                        .scanIndexForward(true)
                        .limit(limit))
                .items().stream().map(RefundItems::fromItem).toList();
    }

    private Put paymentPut(Payment payment, long expectedVersion, PaymentState expectedState) {
        Map<String, AttributeValue> item = PaymentItems.toItem(payment.toBuilder().version(expectedVersion + 1).build());
        if (expectedState == null) {
            return versioned(table, item, expectedVersion);
        }
        return Put.builder().tableName(table).item(item).conditionExpression("#v = :v AND #s = :s")
                .expressionAttributeNames(Map.of("#v", PaymentItems.VERSION, "#s", PaymentItems.STATE))
                .expressionAttributeValues(Map.of(":v", Attributes.n(expectedVersion),
                        ":s", Attributes.s(expectedState.name())))
                .build();
    }
}
