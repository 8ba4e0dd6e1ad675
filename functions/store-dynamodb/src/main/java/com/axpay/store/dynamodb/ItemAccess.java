package com.axpay.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Map;
import java.util.Optional;

/** The single-item read and the optimistic write every repository of the payments table makes. */
final class ItemAccess {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private ItemAccess() {
    }

    /** The item at {@code key}, read consistently (a repository decides on what it reads). */
    static Optional<Map<String, AttributeValue>> get(DynamoDbClient client, String table,
                                                     Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** A put of {@code item} that holds only while the stored item still has {@code expectedVersion}. */
    static Put versioned(String table, Map<String, AttributeValue> item, long expectedVersion) {
        return Put.builder().tableName(table).item(item).conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", PaymentItems.VERSION))
                .expressionAttributeValues(Map.of(":v", Attributes.n(expectedVersion)))
                .build();
    }

    /** Whether any item of the transaction failed its condition (rather than another transaction holding it). */
    static boolean anyConditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(ItemAccess::conditionFailed);
    }

    /** Whether the transaction's item at {@code index} failed its condition. */
    static boolean failedAt(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && conditionFailed(e.cancellationReasons().get(index));
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return CONDITIONAL_CHECK_FAILED.equals(reason.code());
    }
}
