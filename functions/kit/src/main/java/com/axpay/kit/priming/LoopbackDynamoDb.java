package com.axpay.kit.priming;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The answers a DynamoDB-shaped {@link LoopbackJsonEndpoint} gives during priming, so a client of the function's
 * settings pointed at it runs the SDK's success paths that priming cannot run against the real table without
 * writing: every write succeeds, and a read finds the last item written (a GetItem its item, a Query a page of
 * it). Nothing is kept beyond that one item, and the endpoint lives only for the priming.
 */
public final class LoopbackDynamoDb {

    private final AtomicReference<Object> lastItem = new AtomicReference<>();

    /** The JSON answer to one request. */
    public String answer(String target, String body) {
        String op = target.substring(target.indexOf('.') + 1);
        try {
            switch (op) {
                case "PutItem" -> {
                    Object item = JSON.std.mapFrom(body).get("Item");
                    if (item != null) {
                        lastItem.set(item);
                    }
                    return "{}";
                }
                case "GetItem" -> {
                    Object item = lastItem.get();
                    return item == null ? "{}" : JSON.std.asString(Map.of("Item", item));
                }
                case "Query" -> {
                    Object item = lastItem.get();
                    List<Object> items = item == null ? List.of() : List.of(item);
                    return JSON.std.asString(Map.of("Items", items, "Count", items.size(), "ScannedCount",
                            items.size()));
                }
                default -> {
                    return "{}"; // TransactWriteItems, UpdateItem, DeleteItem: done, nothing returned
                }
            }
        } catch (IOException e) {
            return "{}";
        }
    }
}
