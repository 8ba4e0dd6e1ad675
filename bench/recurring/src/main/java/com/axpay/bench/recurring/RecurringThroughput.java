package com.axpay.bench.recurring;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.gateway.axerve.AxerveRecurringGateway;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.recurring.RecurringWiring;
import com.axpay.recurring.handlers.ChargeWorkerHandler;
import com.axpay.recurring.queue.SqsChargeQueue;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.soap.EncryptRequest;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges per second through the queue path: the schedule enqueues every due charge into SQS (ElasticMQ on
 * 127.0.0.1), then {@code concurrency} pollers play Lambda's SQS event source (receive up to 10, invoke
 * {@link ChargeWorkerHandler} with the batch, delete what it did not report failed), each charge a real
 * callPagamS2S to the Axerve simulator answering after {@code latencyMs}. The ideal is concurrency / latency.
 *
 * <p>usage: RecurringThroughput [agreements] [latencyMs] [concurrency]
 */
public final class RecurringThroughput {

    private static final Duration DEADLINE = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int agreements = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        if (agreements < 1 || agreements > 20_000 || latencyMs < 0 || concurrency < 1 || concurrency > 200) {
            throw new IllegalArgumentException("agreements 1..20000, latencyMs >= 0, concurrency 1..200");
        }
        // the simulator logs every injected fault; here every call has one
        java.util.logging.Logger.getLogger("com.axpay.simulator").setLevel(java.util.logging.Level.WARNING);
        int ddbPort = freePort();
        DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-port", Integer.toString(ddbPort), "-disableTelemetry"});
        dynamo.start();
        SQSRestServer sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();
        AxerveSimulator sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                .positiveUrl("http://127.0.0.1:9/ok").negativeUrl("http://127.0.0.1:9/ko"));
        ExecutorService pollers = Executors.newFixedThreadPool(concurrency);
        try {
            String sqsEndpoint = "http://127.0.0.1:" + sqsPort;
            SqsClient sqs = SqsChargeQueue.client(sqsEndpoint, "eu-south-1");
            String queueUrl = sqs.createQueue(q -> q.queueName("charges")
                    .attributesWithStrings(Map.of("VisibilityTimeout", "60"))).queueUrl();

            Map<String, String> env = new HashMap<>();
            env.put("AXERVE_ENV", sim.baseUrl());
            env.put("AXERVE_SHOP_LOGIN", AxerveSimulator.DEFAULT_SHOP_LOGIN);
            env.put("STOREFRONT_API_KEY", "bench-storefront-key-0123456789");
            env.put("RETURN_URL_ALLOWLIST", "https://shop.example.test/done");
            env.put("DEFAULT_RETURN_URL", "https://shop.example.test/done");
            env.put("PAYMENTS_TABLE", "payments");
            env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + ddbPort);
            env.put("AWS_REGION", "eu-south-1");
            env.put("AXERVE_READ_TIMEOUT_MS", Integer.toString(latencyMs + 5000));
            PaymentsConfig config = PaymentsConfig.fromEnvironment(env, name -> null);
            DynamoDbClient ddb = DynamoDbClients.create(StoreConfig.fromEnvironment(env));
            TableDefinitions.createPaymentsTable(ddb, "payments");
            AxerveClient axerve = AxerveClient.create(AxerveConfig.builder()
                    .environment(AxerveEnvironment.custom(URI.create(sim.baseUrl())))
                    .shopLogin(AxerveSimulator.DEFAULT_SHOP_LOGIN)
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(latencyMs + 5000L)).build());
            RecurringWiring wiring = new RecurringWiring(config, Clock.systemUTC(), ddb,
                    new AxerveRecurringGateway(axerve), new SqsChargeQueue(sqs, queueUrl), DunningPolicy.defaults());

            System.err.printf("creating %d agreements with real tokens...%n", agreements);
            List<String> tokens = createAgreements(wiring, axerve, agreements);
            post(sim.baseUrl() + "/_sim/faults", "{\"operation\":\"callPagamS2S\",\"kind\":\"latency\",\"delayMs\":"
                    + latencyMs + "}");

            long t0 = System.nanoTime();
            var report = wiring.schedule().run(() -> true);
            long scheduled = System.nanoTime();
            ChargeWorkerHandler worker = new ChargeWorkerHandler(wiring);
            AtomicInteger done = new AtomicInteger();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (int i = 0; i < concurrency; i++) {
                pollers.submit(() -> {
                    try {
                        poll(sqs, queueUrl, worker, done, agreements, deadline);
                    } catch (RuntimeException e) {
                        e.printStackTrace(); // the benchmark's result then shows the shortfall
                    }
                });
            }
            pollers.shutdown();
            if (!pollers.awaitTermination(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pollers did not finish");
            }
            long end = System.nanoTime();

            int charged = tokens.stream().mapToInt(sim::chargeCount).sum();
            int doubles = (int) tokens.stream().filter(t -> sim.chargeCount(t) > 1).count();
            double drainSeconds = (end - scheduled) / 1e9;
            double rate = done.get() / drainSeconds;
            double ideal = latencyMs == 0 ? Double.POSITIVE_INFINITY : concurrency * 1000.0 / latencyMs;
            System.out.printf("agreements %d, Axerve latency %d ms, worker concurrency %d (batches of up to 10)%n",
                    agreements, latencyMs, concurrency);
            System.out.printf("schedule: %d due, %d enqueued in %.2f s%n", report.found(), report.enqueued(),
                    (scheduled - t0) / 1e9);
            System.out.printf("worker: %d charges settled in %.2f s = %.1f charges/s; ideal concurrency/latency = "
                    + "%.1f charges/s (%.0f%%)%n", done.get(), drainSeconds, rate, ideal, 100 * rate / ideal);
            System.out.printf("Axerve saw %d successful charges for %d agreements (%d charged twice)%n", charged,
                    agreements, doubles);
            wiring.close();
            sqs.close();
        } finally {
            pollers.shutdownNow();
            sim.close();
            sqsServer.stopAndWait();
            dynamo.stop();
        }
        System.exit(0); // ElasticMQ's actor system keeps non-daemon threads
    }

    /** One Lambda-like consumer: batches of up to 10, deletes the messages the worker did not report failed. */
    private static void poll(SqsClient sqs, String queueUrl, ChargeWorkerHandler worker, AtomicInteger done,
                             int total, long deadline) {
        while (done.get() < total && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                continue;
            }
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (Message m : batch) {
                SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                r.setMessageId(m.messageId());
                r.setReceiptHandle(m.receiptHandle());
                r.setBody(m.body());
                r.setEventSource("aws:sqs");
                records.add(r);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            SQSBatchResponse response = worker.handleRequest(event, null);
            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            List<DeleteMessageBatchRequestEntry> delete = batch.stream().filter(m -> !failed.contains(m.messageId()))
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).build()).toList();
            if (!delete.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(delete));
                done.addAndGet(delete.size());
            }
        }
    }

    private static List<String> createAgreements(RecurringWiring wiring, AxerveClient axerve, int n)
            throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String paymentId = "bench-" + i;
            var encrypted = axerve.encrypt(EncryptRequest.builder().uicCode("242").amount("9.90")
                    .shopTransactionId("tok-" + i).paymentType("AMAZONPAY")
                    .amazonPayBillingAgreementDescription("onlyrecurring").build());
            URI page = axerve.paymentPageUrl(encrypted.cryptDecryptString());
            HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(URI.create(page + "&sim=success")).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            String b = null;
            for (String pair : URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery()
                    .split("&")) {
                if (pair.startsWith("b=")) {
                    b = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                }
            }
            String token = axerve.decrypt(b).token();
            String id = ChargeIds.agreementIdFor(paymentId);
            AgreementTerms terms = new AgreementTerms(id, paymentId, "order-" + i, RecurringMode.ONLY_RECURRING,
                    new Plan(new BigDecimal("9.90"), "EUR", Period.ofMonths(1), null, null), now);
            wiring.agreements().create(Agreement.fromToken(terms, token, now), null);
            tokens.add(token);
        }
        return tokens;
    }

    private static void post(String url, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
