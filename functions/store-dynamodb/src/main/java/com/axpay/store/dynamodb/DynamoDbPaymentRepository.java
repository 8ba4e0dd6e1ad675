package com.axpay.store.dynamodb;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentEvents;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link PaymentRepository} on one DynamoDB table with the low-level client (no Enhanced Client: its bean
 * introspection adds cold-start work for no gain over a hand-written item layout).
 *
 * <p>The claim is one TransactWriteItems of three conditional puts: the order item, the payment item and a
 * shopTransactionId item. The last one makes the id unique AND lets the S2S path find the payment with two
 * strongly consistent GetItems; a GSI can only be read eventually consistently and could miss a payment claimed
 * a moment before the notification.
 */
public final class DynamoDbPaymentRepository implements PaymentRepository {

    /** TransactionConflict (another transaction on the same items in flight) is retried this many times. */
    private static final int CONFLICT_RETRIES = 5;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbPaymentRepository(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client);
        this.table = Objects.requireNonNull(tableName);
    }

    @Override
    public ClaimResult claim(Payment payment) {
        Put order = payment.attempt() == 1
                ? put(PaymentItems.orderItem(payment), "attribute_not_exists(pk)", Map.of(), Map.of())
                : put(PaymentItems.orderItem(payment), "#attempt = :previous",
                Map.of("#attempt", PaymentItems.ATTEMPT),
                Map.of(":previous", Attributes.n(payment.attempt() - 1L)));
        Put paymentPut = put(PaymentItems.toItem(payment), "attribute_not_exists(pk)", Map.of(), Map.of());
        Put stx = put(PaymentItems.shopTransactionItem(payment), "attribute_not_exists(pk)", Map.of(), Map.of());
        for (int i = 0; ; i++) {
            try {
                client.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().put(order).build(),
                        TransactWriteItem.builder().put(paymentPut).build(),
                        TransactWriteItem.builder().put(stx).build()));
                return new Claimed(payment);
            } catch (TransactionCanceledException e) {
                if (ItemAccess.anyConditionFailed(e) || i >= CONFLICT_RETRIES) {
                    return new AlreadyClaimed(payment.orderId());
                }
                pause(i);
            }
        }
    }

    @Override
    public Optional<Payment> findById(String paymentId) {
        return get(PaymentItems.PAYMENT_PREFIX + paymentId).map(PaymentItems::fromItem);
    }

    @Override
    public Optional<Payment> findByShopTransactionId(String shopTransactionId) {
        return get(PaymentItems.STX_PREFIX + shopTransactionId)
                .map(item -> item.get(PaymentItems.PAYMENT_ID).s())
                .flatMap(this::findById);
    }

    @Override
    public Optional<OrderClaim> findOrder(String orderId) {
        return get(PaymentItems.ORDER_PREFIX + orderId).map(PaymentItems::orderFrom);
    }

    @Override
    public WriteResult update(Payment next, long expectedVersion, Set<PaymentState> expectedStates) {
        if (expectedStates.isEmpty()) {
            throw new IllegalArgumentException("expectedStates is empty");
        }
        Payment stored = next.toBuilder().version(expectedVersion + 1).build();
        Map<String, String> names = Map.of("#v", PaymentItems.VERSION, "#s", PaymentItems.STATE);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", Attributes.n(expectedVersion));
        List<String> stateRefs = new ArrayList<>();
        for (PaymentState s : expectedStates) {
            String ref = ":s" + stateRefs.size();
            stateRefs.add(ref);
            values.put(ref, Attributes.s(s.name()));
        }
        String condition = "#v = :v AND #s IN (" + String.join(", ", stateRefs) + ")";
        Optional<DomainEvent> event = PaymentEvents.forUpdate(expectedStates, stored);
        if (event.isPresent()) {
            return updateWithEvent(stored, condition, names, values, event.get());
        }
        try {
            client.putItem(r -> r.tableName(table)
                    .item(PaymentItems.toItem(stored))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return new Applied(stored);
        } catch (ConditionalCheckFailedException e) {
            return new Lost(next.paymentId());
        }
    }

    /** A state change merchants hear about: the payment and its outbox item in one transaction. */
    private WriteResult updateWithEvent(Payment stored, String condition, Map<String, String> names,
                                        Map<String, AttributeValue> values, DomainEvent event) {
        try {
            client.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(put(PaymentItems.toItem(stored), condition, names, values))
                            .build(),
                    OutboxItems.put(table, event)));
            return new Applied(stored);
        } catch (TransactionCanceledException e) {
            return new Lost(stored.paymentId()); // condition failed or a concurrent transaction: the caller re-reads
        }
    }

    @Override
    public Optional<Payment> enrich(String paymentId, Buyer buyer, Address shipping, Address billing,
                                    Instant readAt) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        names.put("#v", PaymentItems.VERSION);
        names.put("#read", PaymentItems.ADDRESSES_READ_AT);
        values.put(":one", Attributes.n(1));
        values.put(":read", Attributes.s(readAt.toString()));
        sets.add("#v = #v + :one");
        sets.add("#read = :read");
        setMap(PaymentItems.BUYER, PaymentItems.buyer(buyer), sets, names, values);
        setMap(PaymentItems.SHIPPING, PaymentItems.address(shipping), sets, names, values);
        setMap(PaymentItems.BILLING, PaymentItems.address(billing), sets, names, values);
        try {
            Map<String, AttributeValue> updated = client.updateItem(r -> r.tableName(table)
                    .key(PaymentItems.paymentKey(paymentId))
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#read)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(PaymentItems.fromItem(updated));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Payment> findStale(PaymentState state, Instant updatedBefore, int limit) {
        if (state.isTerminal()) {
            return List.of();
        }
        return staleIn(state.name(), updatedBefore, limit);
    }

    @Override
    public List<Payment> findStaleOperations(Instant updatedBefore, int limit) {
        return staleIn(Payment.OPERATION_BUCKET, updatedBefore, limit);
    }

    /** One bucket of the sparse open-state index, oldest first. */
    private List<Payment> staleIn(String bucket, Instant updatedBefore, int limit) {
        QueryResponse response = client.query(r -> r.tableName(table)
                .indexName(TableDefinitions.OPEN_STATE_INDEX)
                .keyConditionExpression("#os = :bucket AND #since < :before")
                .expressionAttributeNames(Map.of("#os", TableDefinitions.OPEN_STATE,
                        "#since", TableDefinitions.OPEN_SINCE))
                .expressionAttributeValues(Map.of(":bucket", Attributes.s(bucket),
                        ":before", Attributes.n(updatedBefore.toEpochMilli())))
                .scanIndexForward(true)
                .limit(limit));
        return response.items().stream().map(PaymentItems::fromItem).toList();
    }

    /** Bucket {@code STUCK} of the sparse open-state index, counted (the reconciler's StuckPayments metric). */
    @Override
    public long countStuck() {
        return client.queryPaginator(r -> r.tableName(table)
                        .indexName(TableDefinitions.OPEN_STATE_INDEX)
                        .keyConditionExpression("#os = :stuck")
                        .expressionAttributeNames(Map.of("#os", TableDefinitions.OPEN_STATE))
                        .expressionAttributeValues(Map.of(":stuck", Attributes.s(Payment.STUCK_BUCKET)))
                        .select(Select.COUNT))
                .stream().mapToLong(page -> page.count()).sum();
    }

    private Optional<Map<String, AttributeValue>> get(String pk) {
        return ItemAccess.get(client, table, PaymentItems.key(pk));
    }

    private Put put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                    Map<String, AttributeValue> values) {
        Put.Builder b = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!names.isEmpty()) {
            b.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            b.expressionAttributeValues(values);
        }
        return b.build();
    }

    private static void setMap(String attribute, Map<String, AttributeValue> value, List<String> sets,
                               Map<String, String> names, Map<String, AttributeValue> values) {
        if (value.isEmpty()) {
            return;
        }
        String name = "#" + attribute;
        String ref = ":" + attribute;
        names.put(name, attribute);
        values.put(ref, AttributeValue.fromM(value));
        sets.add(name + " = " + ref);
    }

    /** Short jittered backoff so conflicting claims do not collide again in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a claim", e);
        }
    }
}
