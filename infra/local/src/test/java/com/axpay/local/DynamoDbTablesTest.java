package com.axpay.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template's tables on a real DynamoDB Local server, started as the stack starts it. */
class DynamoDbTablesTest {

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws Exception {
        server = DynamoDbLocalServer.start(freePort(), null);
        client = client(server);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static DynamoDbClient client(DynamoDbLocalServer server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void createsTheTemplatesTablesWithTheirKeysAndIndexesOnce() throws Exception {
        SamTemplate template = SamTemplate.load(FixtureApi.templatePath(), "eu-south-1", StackSettings.STACK_NAME);
        assertEquals(List.of("axpay-local-items", "Things"), DynamoDbTables.createMissing(client, template.tables()));

        TableDescription items = client.describeTable(r -> r.tableName("axpay-local-items")).table();
        assertEquals("pk", items.keySchema().get(0).attributeName());
        assertEquals("byStatus", items.globalSecondaryIndexes().get(0).indexName());
        assertEquals(List.of("status", "since"), items.globalSecondaryIndexes().get(0).keySchema().stream()
                .map(k -> k.attributeName()).toList());
        assertEquals("ALL", items.globalSecondaryIndexes().get(0).projection().projectionTypeAsString());
        assertEquals("thingId", client.describeTable(r -> r.tableName("Things")).table().keySchema().get(0)
                .attributeName());

        assertEquals(List.of(), DynamoDbTables.createMissing(client, template.tables()), "a second start keeps them");
    }

    @Test
    void dataDirectoryKeepsTablesAndItemsAcrossRestarts(@TempDir Path dir) throws Exception {
        SamTemplate template = SamTemplate.load(FixtureApi.templatePath(), "eu-south-1", StackSettings.STACK_NAME);
        Path data = dir.resolve("ddb");
        int port = freePort();
        try (DynamoDbLocalServer first = DynamoDbLocalServer.start(port, data);
             DynamoDbClient c = client(first)) {
            DynamoDbTables.createMissing(c, template.tables());
            c.putItem(r -> r.tableName("Things").item(Map.of("thingId", AttributeValue.fromS("kept"))));
        }
        try (DynamoDbLocalServer second = DynamoDbLocalServer.start(port, data);
             DynamoDbClient c = client(second)) {
            assertEquals(List.of(), DynamoDbTables.createMissing(c, template.tables()));
            assertTrue(c.getItem(r -> r.tableName("Things").key(Map.of("thingId", AttributeValue.fromS("kept"))))
                    .hasItem());
        }
    }
}
