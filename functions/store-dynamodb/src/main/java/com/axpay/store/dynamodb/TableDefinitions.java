package com.axpay.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The payments table, as the SAM template declares it: one table holding three item kinds under the string
 * partition key {@code pk} ({@code PAY#<paymentId>}, {@code ORDER#<orderId>}, {@code STX#<shopTransactionId>}; also
 * {@code REFUND#<paymentId>#<refundId>} and the outbox's {@code OUTBOX#<aggregateId>#<version>}),
 * and the sparse index {@code byOpenState} ({@code openState} S, {@code openSince} N epoch millis, projection ALL)
 * that only open payments appear in.
 */
public final class TableDefinitions {

    public static final String PK = "pk";
    public static final String OPEN_STATE_INDEX = "byOpenState";
    public static final String OPEN_STATE = "openState";
    public static final String OPEN_SINCE = "openSince";
    /** Sparse index of agreements with a charge due: {@code dueShard} S ({@code DUE#<n>}), {@code dueAt} N, keys only. */
    public static final String DUE_INDEX = "byDue";
    public static final String DUE_SHARD = "dueShard";
    public static final String DUE_AT = "dueAt";

    private TableDefinitions() {
    }

    public static CreateTableRequest paymentsTable(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK, ScalarAttributeType.S),
                        attribute(OPEN_STATE, ScalarAttributeType.S),
                        attribute(OPEN_SINCE, ScalarAttributeType.N),
                        attribute(DUE_SHARD, ScalarAttributeType.S),
                        attribute(DUE_AT, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(OPEN_STATE_INDEX)
                        .keySchema(key(OPEN_STATE, KeyType.HASH), key(OPEN_SINCE, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build(),
                        GlobalSecondaryIndex.builder()
                        .indexName(DUE_INDEX)
                        .keySchema(key(DUE_SHARD, KeyType.HASH), key(DUE_AT, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
    }

    /**
     * Creates the payments table and waits until it is active (tests and the local stack). On a busy machine the
     * SDK may retry a create whose first attempt DynamoDB Local did perform but answered too late; the retry then
     * finds the table in place, which is what was asked.
     */
    public static void createPaymentsTable(DynamoDbClient client, String tableName) {
        try {
            client.createTable(paymentsTable(tableName));
        } catch (ResourceInUseException alreadyCreated) {
            // made by the attempt whose answer was lost: wait for it like for a new one
        }
        client.waiter().waitUntilTableExists(r -> r.tableName(tableName));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
