package com.axpay.recurring.queue;

import com.axpay.core.port.ChargeQueue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link ChargeQueue} on SQS (or ElasticMQ locally): SendMessageBatch, ten at a time; a failed entry fails the tick. */
public final class SqsChargeQueue implements ChargeQueue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsChargeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    /** {@code CHARGE_QUEUE_URL}, optional {@code SQS_ENDPOINT} (then {@code AWS_REGION} and placeholder keys). */
    public static SqsChargeQueue fromEnvironment(Map<String, String> env) {
        String url = env.get("CHARGE_QUEUE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("CHARGE_QUEUE_URL is required");
        }
        String region = env.getOrDefault("AWS_REGION", "eu-south-1");
        return new SqsChargeQueue(client(env.get("SQS_ENDPOINT"), region), url);
    }

    public static SqsClient client(String endpoint, String region) {
        SqsClientBuilder b = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5)).build());
        if (region != null) {
            b.region(Region.of(region));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            b.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return b.build();
    }

    @Override
    public void enqueue(List<ChargeMessage> messages) {
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<ChargeMessage> part = messages.subList(from, Math.min(from + BATCH, messages.size()));
            for (int i = 0; i < part.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(ChargeMessages.write(part.get(i))).build());
            }
            SendMessageBatchResponse r = sqs.sendMessageBatch(q -> q.queueUrl(queueUrl).entries(entries));
            if (r.hasFailed() && !r.failed().isEmpty()) {
                // the records exist; the next tick enqueues them again
                throw new IllegalStateException(r.failed().size() + " charge messages were not enqueued");
            }
        }
    }
}
