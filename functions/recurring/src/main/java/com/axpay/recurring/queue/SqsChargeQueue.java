package com.axpay.recurring.queue;

import com.axpay.core.port.ChargeQueue;
import com.axpay.kit.priming.LoopbackJsonEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link ChargeQueue} on SQS (or ElasticMQ locally): SendMessageBatch, ten at a time; a failed entry fails the tick. */
public final class SqsChargeQueue implements ChargeQueue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String region;

    public SqsChargeQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, null);
    }

    private SqsChargeQueue(SqsClient sqs, String queueUrl, String region) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
        this.region = region;
    }

    /** {@code CHARGE_QUEUE_URL}, optional {@code SQS_ENDPOINT} (then {@code AWS_REGION} and placeholder keys). */
    public static SqsChargeQueue fromEnvironment(Map<String, String> env) {
        String url = env.get("CHARGE_QUEUE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("CHARGE_QUEUE_URL is required");
        }
        String region = env.getOrDefault("AWS_REGION", "eu-south-1");
        return new SqsChargeQueue(client(env.get("SQS_ENDPOINT"), region), url, region);
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

    /**
     * SnapStart priming of the schedule's queue: one SendMessageBatch of one message through a client of the same
     * settings whose endpoint answers on the loopback interface, so the SQS SDK's path (including its check of the
     * body's MD5) runs before the snapshot while no message reaches the queue.
     *
     * @return the batches the loopback endpoint answered (1), or 0 where no loopback port can be bound
     */
    public int prime() {
        ChargeMessage message = new ChargeMessage("priming", 1, 1);
        String md5 = md5Hex(ChargeMessages.write(message));
        try (LoopbackJsonEndpoint loopback = LoopbackJsonEndpoint.start(request -> "{\"Successful\":[{\"Id\":\"0\","
                + "\"MessageId\":\"priming\",\"MD5OfMessageBody\":\"" + md5 + "\"}],\"Failed\":[]}");
             SqsClient local = client(loopback.endpoint().toString(), region == null ? "eu-south-1" : region)) {
            new SqsChargeQueue(local, loopback.endpoint() + "/000000000000/priming").enqueue(List.of(message));
            return loopback.exchanges();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
