package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's SQS event source mapping, played locally: per mapping as many pollers as the function's reserved
 * concurrency (at least one), each receiving up to BatchSize messages and invoking the function with an
 * {@link SQSEvent}. With {@code ReportBatchItemFailures} the messages the handler lists in its
 * {@link SQSBatchResponse} stay in the queue; a failed invocation keeps the whole batch. Kept messages come back after
 * the visibility timeout and go to the dead-letter queue after maxReceiveCount, as on AWS.
 */
final class SqsEventSources implements AutoCloseable {

    private static final int WAIT_SECONDS = 1;

    private final SqsClient sqs;
    private final String region;
    private final PrintStream out;
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sqs-event-source");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;

    SqsEventSources(SqsClient sqs, String region, PrintStream out) {
        this.sqs = sqs;
        this.region = region;
        this.out = out;
    }

    void start(SamTemplate.SqsSource source, String queueUrl, String queueArn, LambdaFunction function) {
        for (int i = 0; i < Math.max(1, source.concurrency()); i++) {
            pollers.submit(() -> poll(source, queueUrl, queueArn, function));
        }
    }

    private void poll(SamTemplate.SqsSource source, String queueUrl, String queueArn, LambdaFunction function) {
        while (running) {
            List<Message> batch;
            try {
                batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(source.batchSize())
                        .waitTimeSeconds(WAIT_SECONDS).messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            } catch (RuntimeException e) {
                if (running) {
                    out.println("local stack: receiving from " + source.queueLogicalId() + ": " + e);
                    sleepQuietly();
                }
                continue;
            }
            if (!batch.isEmpty()) {
                deliver(source, queueUrl, queueArn, function, batch);
            }
        }
    }

    private void deliver(SamTemplate.SqsSource source, String queueUrl, String queueArn, LambdaFunction function,
                         List<Message> batch) {
        Set<String> keep = new HashSet<>();
        try {
            Object result = function.invoke(() -> event(batch, queueArn));
            if (source.reportBatchItemFailures() && result instanceof SQSBatchResponse r
                    && r.getBatchItemFailures() != null) {
                r.getBatchItemFailures().forEach(f -> keep.add(f.getItemIdentifier()));
            }
        } catch (LambdaFunction.InvocationException | RuntimeException e) {
            batch.forEach(m -> keep.add(m.messageId())); // already logged: the whole batch comes back
        }
        List<DeleteMessageBatchRequestEntry> done = batch.stream().filter(m -> !keep.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build()).toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    private SQSEvent event(List<Message> batch, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : batch) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            r.setAttributes(Map.of(
                    "ApproximateReceiveCount", m.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"),
                    "SentTimestamp", m.attributesAsStrings().getOrDefault("SentTimestamp", "0")));
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(region);
            records.add(r);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        pollers.shutdown();
        pollers.awaitTermination(WAIT_SECONDS + 5L, TimeUnit.SECONDS);
    }
}
