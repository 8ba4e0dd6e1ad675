package com.axpay.store.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository contract against DynamoDB Local over HTTP on 127.0.0.1. */
@ExtendWith(DynamoDbLocalServer.class)
class DynamoDbLocalPaymentRepositoryTest extends PaymentRepositoryContract {

    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbClients.create(new StoreConfig("unused-here", DynamoDbLocalServer.endpoint(), "eu-south-1"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected DynamoDbClient client() {
        return client;
    }
}
