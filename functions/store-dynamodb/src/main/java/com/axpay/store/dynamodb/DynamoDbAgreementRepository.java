package com.axpay.store.dynamodb;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementEvent;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.port.AgreementRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.axpay.store.dynamodb.ItemAccess.versioned;

/**
 * {@link AgreementRepository} on the payments table. Every write is conditional on the item's version (or its
 * absence); the two multi-item writes (claim, settle) are TransactWriteItems, so a charge and its agreement never
 * disagree. A lost transaction, whatever the reason, returns false and the caller re-reads.
 */
public final class DynamoDbAgreementRepository implements AgreementRepository {

    /**
     * Due agreements are spread over this many index partitions: a month's renewals all falling due at midnight
     * would otherwise be one hot partition key.
     */
    public static final int DEFAULT_DUE_SHARDS = 8;

    private final DynamoDbClient client;
    private final String table;
    private final int shards;

    public DynamoDbAgreementRepository(DynamoDbClient client, String tableName) {
        this(client, tableName, DEFAULT_DUE_SHARDS);
    }

    public DynamoDbAgreementRepository(DynamoDbClient client, String tableName, int dueShards) {
        if (dueShards < 1) {
            throw new IllegalArgumentException("dueShards must be >= 1");
        }
        this.client = Objects.requireNonNull(client);
        this.table = Objects.requireNonNull(tableName);
        this.shards = dueShards;
    }

    @Override
    public void saveTerms(AgreementTerms terms) {
        putIfAbsent(AgreementItems.termsItem(terms));
    }

    @Override
    public Optional<AgreementTerms> findTerms(String agreementId) {
        return get(AgreementItems.TERMS_PREFIX + agreementId).map(AgreementItems::termsFrom);
    }

    @Override
    public boolean create(Agreement agreement, AgreementEvent event) {
        if (event == null) {
            return putIfAbsent(AgreementItems.agreementItem(agreement, shards));
        }
        return transact(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(AgreementItems.agreementItem(agreement, shards))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                outbox(event, agreement));
    }

    @Override
    public Optional<Agreement> findById(String agreementId) {
        return get(AgreementItems.AGREEMENT_PREFIX + agreementId).map(AgreementItems::agreementFrom);
    }

    @Override
    public boolean update(Agreement next, long expectedVersion, AgreementEvent event) {
        Agreement stored = next.withVersion(expectedVersion + 1);
        if (event == null) {
            return putIfVersion(AgreementItems.agreementItem(stored, shards), expectedVersion);
        }
        return transact(TransactWriteItem.builder()
                        .put(versioned(table, AgreementItems.agreementItem(stored, shards), expectedVersion)).build(),
                outbox(event, stored));
    }

    @Override
    public int dueShards() {
        return shards;
    }

    @Override
    public DuePage findDue(int shard, Instant dueBy, String cursor, int limit) {
        String shardKey = AgreementItems.shardKey(shard);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                .indexName(TableDefinitions.DUE_INDEX)
                .keyConditionExpression("#shard = :shard AND #at <= :by")
                .expressionAttributeNames(Map.of("#shard", TableDefinitions.DUE_SHARD, "#at", TableDefinitions.DUE_AT))
                .expressionAttributeValues(Map.of(":shard", Attributes.s(shardKey),
                        ":by", Attributes.n(dueBy.toEpochMilli())))
                .scanIndexForward(true)
                .limit(limit);
        if (cursor != null) {
            int bar = cursor.indexOf('|');
            q.exclusiveStartKey(Map.of(
                    TableDefinitions.PK, Attributes.s(cursor.substring(bar + 1)),
                    TableDefinitions.DUE_SHARD, Attributes.s(shardKey),
                    TableDefinitions.DUE_AT, AttributeValue.fromN(cursor.substring(0, bar))));
        }
        QueryResponse r = client.query(q.build());
        List<String> ids = r.items().stream()
                .map(i -> i.get(TableDefinitions.PK).s().substring(AgreementItems.AGREEMENT_PREFIX.length()))
                .toList();
        Map<String, AttributeValue> last = r.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null
                : last.get(TableDefinitions.DUE_AT).n() + "|" + last.get(TableDefinitions.PK).s();
        return new DuePage(ids, next);
    }

    @Override
    public boolean createCharge(ChargeRecord charge) {
        return putIfAbsent(AgreementItems.chargeItem(charge));
    }

    @Override
    public Optional<ChargeRecord> findCharge(String chargeKey) {
        return get(AgreementItems.CHARGE_PREFIX + chargeKey).map(AgreementItems::chargeFrom);
    }

    @Override
    public boolean updateCharge(ChargeRecord next, long expectedVersion) {
        return putIfVersion(AgreementItems.chargeItem(next.withVersion(expectedVersion + 1)), expectedVersion);
    }

    @Override
    public boolean claimCharge(ChargeRecord submitting, long expectedVersion) {
        Map<String, String> names = new HashMap<>(Map.of("#s", AgreementItems.STATE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":active", Attributes.s(AgreementState.ACTIVE.name()),
                ":pastDue", Attributes.s(AgreementState.PAST_DUE.name())));
        String condition = "#s IN (:active, :pastDue)";
        if (!submitting.isUpsell()) {
            names.put("#c", AgreementItems.CYCLE);
            names.put("#a", AgreementItems.ATTEMPT);
            values.put(":c", Attributes.n(submitting.cycle()));
            values.put(":a", Attributes.n(submitting.attempt()));
            condition += " AND #c = :c AND #a = :a";
        }
        ConditionCheck agreementCheck = ConditionCheck.builder().tableName(table)
                .key(Map.of(TableDefinitions.PK,
                        Attributes.s(AgreementItems.AGREEMENT_PREFIX + submitting.agreementId())))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return transact(
                TransactWriteItem.builder().put(versioned(table, AgreementItems.chargeItem(
                        submitting.withVersion(expectedVersion + 1)), expectedVersion)).build(),
                TransactWriteItem.builder().conditionCheck(agreementCheck).build());
    }

    @Override
    public boolean settle(ChargeRecord charge, long chargeVersion, Agreement agreement, long agreementVersion,
                          AgreementEvent event) {
        Agreement stored = agreement.withVersion(agreementVersion + 1);
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(versioned(table, AgreementItems.chargeItem(
                        charge.withVersion(chargeVersion + 1)), chargeVersion)).build(),
                TransactWriteItem.builder().put(versioned(table, AgreementItems.agreementItem(stored, shards),
                        agreementVersion)).build()));
        if (event != null) {
            items.add(outbox(event, stored));
        }
        return transact(items.toArray(TransactWriteItem[]::new));
    }

    /** The event core chose for the change, as the outbox stores it. */
    private TransactWriteItem outbox(AgreementEvent e, Agreement stored) {
        return OutboxItems.put(table, e.published(stored));
    }

    private boolean transact(TransactWriteItem... items) {
        try {
            client.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            return false; // a condition failed or another transaction held an item: the caller re-reads
        }
    }

    private boolean putIfVersion(Map<String, AttributeValue> item, long expectedVersion) {
        try {
            client.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", AgreementItems.VERSION))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            client.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk) {
        return ItemAccess.get(client, table, PaymentItems.key(pk));
    }
}
