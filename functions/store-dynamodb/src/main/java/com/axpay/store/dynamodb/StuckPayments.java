package com.axpay.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.Map;
import java.util.Objects;

/**
 * Counts the payments the reconciler gave up on: still open after every query, bucket {@code STUCK} of the sparse
 * open-state index. The reconciler publishes the count as a metric; an alarm asks a person to look.
 */
public final class StuckPayments {

    static final String STUCK = "STUCK";

    private final DynamoDbClient client;
    private final String table;

    public StuckPayments(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client);
        this.table = Objects.requireNonNull(tableName);
    }

    public long count() {
        return client.queryPaginator(r -> r.tableName(table)
                        .indexName(TableDefinitions.OPEN_STATE_INDEX)
                        .keyConditionExpression("#os = :stuck")
                        .expressionAttributeNames(Map.of("#os", TableDefinitions.OPEN_STATE))
                        .expressionAttributeValues(Map.of(":stuck", PaymentItems.s(STUCK)))
                        .select(Select.COUNT))
                .stream().mapToLong(page -> page.count()).sum();
    }
}
