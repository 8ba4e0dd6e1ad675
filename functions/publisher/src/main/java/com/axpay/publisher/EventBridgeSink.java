package com.axpay.publisher;

import com.axpay.store.dynamodb.DynamoDbOutbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** PutEvents to the stack's bus, one entry per call (the stream batch is small and each entry is marked alone). */
public final class EventBridgeSink implements EventSink, AutoCloseable {

    private final EventBridgeClient client;
    private final String busName;

    public EventBridgeSink(EventBridgeClient client, String busName) {
        this.client = Objects.requireNonNull(client);
        this.busName = Objects.requireNonNull(busName);
    }

    /** @param endpoint a local emulator (region and placeholder credentials set), or null for AWS */
    public static EventBridgeSink create(String busName, URI endpoint, String region) {
        EventBridgeClientBuilder b = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5)).build());
        if (endpoint != null) {
            b.endpointOverride(endpoint).region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else if (region != null) {
            b.region(Region.of(region));
        }
        return new EventBridgeSink(b.build(), busName);
    }

    @Override
    public void publish(DynamoDbOutbox.Entry e) {
        PutEventsResponse r = client.putEvents(req -> req.entries(PutEventsRequestEntry.builder()
                .eventBusName(busName).source(e.source()).detailType(e.detailType()).detail(e.detail()).build()));
        if (r.failedEntryCount() != null && r.failedEntryCount() > 0) {
            throw new IllegalStateException("EventBridge refused event " + e.eventId() + ": "
                    + r.entries().get(0).errorCode());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
