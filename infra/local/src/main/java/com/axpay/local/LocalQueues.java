package com.axpay.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's SQS queues on ElasticMQ (an SQS-compatible server, in this JVM on 127.0.0.1): dead-letter queues
 * first, then the queues whose RedrivePolicy points at them. Queues are in memory and start empty.
 */
final class LocalQueues implements AutoCloseable {

    private final SQSRestServer server;
    private final SqsClient sqs;
    private final Map<String, String> urls = new LinkedHashMap<>();

    private LocalQueues(SQSRestServer server, SqsClient sqs) {
        this.server = server;
        this.sqs = sqs;
    }

    static LocalQueues start(int port, String region, List<SamTemplate.QueueDef> queues) {
        // the template's account id, so the queue URLs Ref resolves to are ElasticMQ's own
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                .withAWSRegion(region).withAWSAccountId(Intrinsics.ACCOUNT_ID).start();
        server.waitUntilStarted();
        LocalQueues q = new LocalQueues(server, client(endpoint(port), region));
        try {
            queues.stream().filter(d -> d.deadLetterQueue() == null).forEach(q::create);
            queues.stream().filter(d -> d.deadLetterQueue() != null).forEach(q::create);
        } catch (RuntimeException e) {
            q.close();
            throw e;
        }
        return q;
    }

    static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** What {@code Ref <Queue>} means locally: the queue's URL. */
    static String url(int port, String queueName) {
        return endpoint(port) + "/" + Intrinsics.ACCOUNT_ID + "/" + queueName;
    }

    static SqsClient client(String endpoint, String region) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private void create(SamTemplate.QueueDef d) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("VisibilityTimeout", Integer.toString(d.visibilityTimeoutSeconds()));
        if (d.deadLetterQueue() != null) {
            String dlqUrl = urls.get(d.deadLetterQueue());
            if (dlqUrl == null) {
                throw new IllegalArgumentException("queue " + d.logicalId() + ": dead-letter queue "
                        + d.deadLetterQueue() + " is not a queue of the template");
            }
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            attributes.put("RedrivePolicy", "{\"maxReceiveCount\":\"" + d.maxReceiveCount()
                    + "\",\"deadLetterTargetArn\":\"" + arn + "\"}");
        }
        urls.put(d.logicalId(), sqs.createQueue(r -> r.queueName(d.queueName()).attributesWithStrings(attributes))
                .queueUrl());
    }

    SqsClient client() {
        return sqs;
    }

    /** The queue URL ElasticMQ gave the template's queue {@code logicalId}. */
    String urlOf(String logicalId) {
        String u = urls.get(logicalId);
        if (u == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " in the template");
        }
        return u;
    }

    /** Messages waiting in the queue (visible ones only). */
    int depth(String logicalId) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(urlOf(logicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
