package com.axpay.store.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;

/** Builds the one DynamoDB client a process uses (build it once, at init). */
public final class DynamoDbClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbClients() {
    }

    /**
     * url-connection-client: the smallest sync client and the fastest to start under C1 (TOOLCHAIN §2.4).
     * With an endpoint override the region and static placeholder credentials are set explicitly, since local
     * emulators accept any key; otherwise the default chains find Lambda's region and role.
     */
    public static DynamoDbClient create(StoreConfig config) {
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build());
        config.endpoint().ifPresent(uri -> b.endpointOverride(uri)
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        if (config.endpoint().isEmpty() && config.region() != null) {
            b.region(Region.of(config.region()));
        }
        return b.build();
    }
}
