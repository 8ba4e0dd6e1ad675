package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the DynamoDB Streams trigger of the template's stream functions (the outbox publisher): every
 * second, the outbox items not yet delivered are handed to those functions as a {@link DynamodbEvent} of INSERT
 * records with their keys, as the filtered stream would deliver them. The function marks what it published, so the
 * next scan no longer sees it.
 */
final class OutboxRelay implements AutoCloseable {

    private static final int BATCH = 10;
    /** {@code OUTBOX#<aggregateId>#<version>}: each record's changes in the order they happened, as a stream has them. */
    private static final Comparator<Map<String, AttributeValue>> IN_VERSION_ORDER = Comparator
            .comparing((Map<String, AttributeValue> i) -> prefix(i.get("pk").s()))
            .thenComparingLong(i -> Long.parseLong(i.get("pk").s().substring(i.get("pk").s().lastIndexOf('#') + 1)));

    private final DynamoDbClient dynamoDb;
    private final List<String> tables;
    private final List<LambdaFunction> functions;
    private final PrintStream log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private long sequence;

    OutboxRelay(DynamoDbClient dynamoDb, List<String> tables, List<LambdaFunction> functions, PrintStream log) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.functions = functions;
        this.log = log;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::relayLogged, 1, 1, TimeUnit.SECONDS);
    }

    /** One pass: at most {@value #BATCH} undelivered outbox items per table, to every stream function. */
    int relay() throws LambdaFunction.InvocationException {
        int handed = 0;
        for (String table : tables) {
            List<Map<String, AttributeValue>> items = dynamoDb.scanPaginator(r -> r.tableName(table)
                            .consistentRead(true)
                            .filterExpression("begins_with(pk, :outbox) AND attribute_not_exists(deliveredAt)")
                            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX#"))))
                    .items().stream().sorted(IN_VERSION_ORDER).limit(BATCH).toList();
            if (items.isEmpty()) {
                continue;
            }
            DynamodbEvent event = event(items);
            for (LambdaFunction f : functions) {
                f.invoke(() -> event);
            }
            handed += items.size();
        }
        return handed;
    }

    private static String prefix(String pk) {
        return pk.substring(0, pk.lastIndexOf('#'));
    }

    private DynamodbEvent event(List<Map<String, AttributeValue>> items) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            StreamRecord sr = new StreamRecord();
            sr.setKeys(Map.of("pk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                    .withS(item.get("pk").s())));
            sr.setSequenceNumber(Long.toString(++sequence));
            sr.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY);
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventName("INSERT");
            r.setEventSource("aws:dynamodb");
            r.setDynamodb(sr);
            records.add(r);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private void relayLogged() {
        try {
            int n = relay();
            if (n > 0) {
                log.printf("[outbox] handed %d event(s) to %s%n", n, functions.stream().map(LambdaFunction::id)
                        .toList());
            }
        } catch (LambdaFunction.InvocationException | RuntimeException e) {
            log.println("[outbox] relay failed: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
