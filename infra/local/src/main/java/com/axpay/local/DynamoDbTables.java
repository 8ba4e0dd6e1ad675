package com.axpay.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.util.List;
import java.util.Map;

/** Creates the template's tables (those missing) from their CloudFormation properties. */
public final class DynamoDbTables {

    private static final ProvisionedThroughput LOCAL_THROUGHPUT =
            ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();

    private DynamoDbTables() {
    }

    /** Creates each table that does not exist yet; returns the names created. */
    public static List<String> createMissing(DynamoDbClient client, List<SamTemplate.TableDef> tables) {
        List<String> existing = client.listTablesPaginator().tableNames().stream().toList();
        List<SamTemplate.TableDef> missing = tables.stream().filter(t -> !existing.contains(t.tableName())).toList();
        for (SamTemplate.TableDef t : missing) {
            try {
                client.createTable(request(t));
            } catch (ResourceInUseException e) {
                // a retried CreateTable whose first attempt succeeded after the client gave up on it (slow machine)
            }
            client.waiter().waitUntilTableExists(r -> r.tableName(t.tableName()));
        }
        return missing.stream().map(SamTemplate.TableDef::tableName).toList();
    }

    static CreateTableRequest request(SamTemplate.TableDef table) {
        Map<String, Object> p = table.properties();
        boolean provisioned = "PROVISIONED".equals(p.get("BillingMode"));
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(table.tableName())
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName(str(a, "AttributeName"))
                                .attributeType(str(a, "AttributeType")).build())
                        .toList())
                .keySchema(keys(p.get("KeySchema")))
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) {
            b.provisionedThroughput(LOCAL_THROUGHPUT);
        }
        List<Map<String, Object>> gsis = list(p.get("GlobalSecondaryIndexes"));
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis.stream().map(g -> {
                GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder().indexName(str(g, "IndexName"))
                        .keySchema(keys(g.get("KeySchema"))).projection(projection(g.get("Projection")));
                return (provisioned ? gb.provisionedThroughput(LOCAL_THROUGHPUT) : gb).build();
            }).toList());
        }
        List<Map<String, Object>> lsis = list(p.get("LocalSecondaryIndexes"));
        if (!lsis.isEmpty()) {
            b.localSecondaryIndexes(lsis.stream().map(l -> LocalSecondaryIndex.builder()
                    .indexName(str(l, "IndexName")).keySchema(keys(l.get("KeySchema")))
                    .projection(projection(l.get("Projection"))).build()).toList());
        }
        return b.build();
    }

    private static List<KeySchemaElement> keys(Object keySchema) {
        return list(keySchema).stream()
                .map(k -> KeySchemaElement.builder().attributeName(str(k, "AttributeName"))
                        .keyType(str(k, "KeyType")).build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Projection projection(Object projection) {
        Map<String, Object> p = projection instanceof Map ? (Map<String, Object>) projection : Map.of();
        Projection.Builder b = Projection.builder()
                .projectionType(String.valueOf(p.getOrDefault("ProjectionType", "KEYS_ONLY")));
        if (p.get("NonKeyAttributes") instanceof List<?> attrs) {
            b.nonKeyAttributes(attrs.stream().map(String::valueOf).toList());
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List ? (List<Map<String, Object>>) o : List.of();
    }

    private static String str(Map<String, Object> m, String key) {
        return String.valueOf(m.get(key));
    }
}
