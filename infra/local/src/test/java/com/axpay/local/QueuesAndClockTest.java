package com.axpay.local;

import com.axpay.kit.config.LocalClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack's SQS (ElasticMQ) with the template's queues and Lambda-like event sources, and the test clock that moves
 * the time every function sees.
 */
class QueuesAndClockTest {

    static final String REGION = "eu-south-1";
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void templateQueuesRunOnElasticMqAndTheEventSourceKeepsReportedFailuresUntilTheDeadLetterQueue()
            throws Exception {
        Queues q = startQueues();
        SamTemplate.SqsSource source = q.template.sqsSources().get(0);
        assertEquals(new SamTemplate.SqsSource("BatchFunction", "WorkQueue", 5, true, 2), source);
        String queueUrl = q.template.functions().get(0).environment().get("WORK_QUEUE_URL");
        assertEquals(LocalQueues.url(q.port, "WorkQueue"), queueUrl, "Ref of a queue is its local URL");

        LambdaFunction function = new LambdaFunction(q.template.functions().get(0), REGION, QUIET);
        try (LocalQueues queues = q.queues;
             SqsEventSources sources = new SqsEventSources(queues.client(), REGION, QUIET);
             SqsClient sqs = LocalQueues.client(LocalQueues.endpoint(q.port), REGION)) {
            sources.start(source, queues.urlOf("WorkQueue"), "arn:aws:sqs:" + REGION + ":123456789012:WorkQueue",
                    function);
            for (String body : List.of("ok-1", "ok-2", "fail-1")) {
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)); // the URL the handlers are given
            }
            // Everything here is asynchronous (pollers, visibility timeouts, the redrive, ElasticMQ's approximate
            // counts): wait, bounded, until the end state is reached, then check it exactly.
            List<Message> dead = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!settled(dead, received(function), queues) && System.nanoTime() < deadline) {
                if (dead.isEmpty()) {
                    dead.addAll(sqs.receiveMessage(r -> r.queueUrl(queues.urlOf("WorkDeadLetterQueue"))
                            .waitTimeSeconds(1)).messages()); // a long poll: this is also the pause between checks
                } else {
                    Thread.sleep(50);
                }
            }
            assertEquals(List.of("fail-1"), dead.stream().map(Message::body).toList());
            Collection<String> received = received(function);
            assertEquals(1, Collections.frequency(received, "ok-1"), received.toString());
            assertEquals(1, Collections.frequency(received, "ok-2"), received.toString());
            assertEquals(2, Collections.frequency(received, "fail-1"), "maxReceiveCount 2, then dead: " + received);
            assertEquals(0, queues.depth("WorkQueue"));
        } finally {
            function.close();
        }
    }

    /** The dead letter arrived, every delivery happened, and the work queue is empty. */
    private static boolean settled(List<Message> dead, Collection<String> received, LocalQueues queues) {
        return !dead.isEmpty() && Collections.frequency(received, "ok-1") >= 1
                && Collections.frequency(received, "ok-2") >= 1 && Collections.frequency(received, "fail-1") >= 2
                && queues.depth("WorkQueue") == 0;
    }

    private record Queues(int port, SamTemplate template, LocalQueues queues) {
    }

    /**
     * ElasticMQ on a free port. The template's queue URLs name the port, so it is chosen first; another process may
     * take it before ElasticMQ binds it (a busy machine), so a few ports are tried.
     */
    private Queues startQueues() throws Exception {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            SamTemplate template = SamTemplate.load(Path.of(getClass().getResource("/fixture/sqs-template.yaml")
                    .toURI()), REGION, StackSettings.STACK_NAME, LocalQueues.endpoint(port));
            try {
                return new Queues(port, template, LocalQueues.start(port, REGION, template.queues()));
            } catch (RuntimeException portTaken) {
                last = portTaken;
            }
        }
        throw last;
    }

    @Test
    void postClockAdvancesTheTimeTheFunctionsSee(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clock");
        LocalClockControl control = new LocalClockControl(file);
        java.time.Clock functions = LocalClock.fromEnvironment(Map.of(LocalClock.ENV_FILE, file.toString()));
        try (ApiServer api = new ApiServer(0, new ApiGateway(new RouteTable(List.of()), Map.of(), QUIET),
                new Schedules(List.of(), Map.of(), REGION, QUIET),
                new DemoStorefront("http://127.0.0.1:9", "unused", "http://127.0.0.1:9/result"), new LocalEvents(),
                control, QUIET)) {
            HttpClient http = HttpClient.newHttpClient();
            Instant before = functions.instant();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                    + ApiServer.CLOCK_PATH)).POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P1M\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            Duration moved = Duration.between(before, functions.instant());
            assertTrue(moved.compareTo(Duration.ofDays(28)) >= 0 && moved.compareTo(Duration.ofDays(32)) < 0,
                    moved.toString());

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                    + ApiServer.CLOCK_PATH)).POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"-P1D\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode(), "time only moves forward");

            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + ApiServer.CLOCK_PATH))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(functions.instant().isBefore(Instant.now().plusSeconds(60)), "reset to the real time");
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> received(LambdaFunction f) throws ReflectiveOperationException {
        return (Collection<String>) f.handlerClass().getField("RECEIVED").get(null);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
