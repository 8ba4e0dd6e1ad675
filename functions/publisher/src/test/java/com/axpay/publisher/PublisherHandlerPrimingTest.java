package com.axpay.publisher;

import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.Stage;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publisher's handler priming delivers the outbox item it put on the stage: one PutEvents to the stage's bus, the item
 * marked delivered; the function's real table and bus (a tripwire here) are never contacted, and only the priming's own line is logged.
 */
class PublisherHandlerPrimingTest {

    private static final String HANDLER = "com.axpay.publisher.OutboxPublisherHandler::handleRequest";
    private static HttpServer tripwire;
    private static final AtomicInteger TRIPPED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        tripwire = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tripwire.createContext("/", exchange -> {
            TRIPPED.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        tripwire.start();
    }

    @AfterAll
    static void stop() {
        tripwire.stop(0);
    }

    private static Map<String, String> env() {
        String real = "http://127.0.0.1:" + tripwire.getAddress().getPort();
        return Map.of("AWS_REGION", "eu-south-1", "PAYMENTS_TABLE", "payments", "DYNAMODB_ENDPOINT", real,
                PublisherWiring.EVENT_BUS_NAME, "axpay-payments", PublisherWiring.EVENTS_ENDPOINT, real,
                "AWS_LAMBDA_FUNCTION_NAME", "priming-test");
    }

    /** The handler priming's script, and what the stage held when the scene's wiring was closed. */
    private static final class Watching implements HandlerPriming.Script {
        int eventsPut = -1;
        OutboxPublisher.Delivery again;

        @Override
        public HandlerPriming.Scene scene(String handlerClass, Stage stage) {
            HandlerPriming.Scene s = new PublisherHandlerPriming().scene(handlerClass, stage);
            if (s == null) {
                return null;
            }
            PublisherWiring w = (PublisherWiring) s.wiring();
            return new HandlerPriming.Scene(s.handler(), s.events(), () -> {
                eventsPut = stage.accepted("AWSEvents.PutEvents");
                again = w.publisher().deliver(PublisherHandlerPriming.OUTBOX_KEY); // marked: not published twice
                w.close();
            });
        }
    }

    @Test
    void theStreamBatchIsPublishedToTheStagesBusAlone() {
        PrintStream out = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        Watching script = new Watching();
        HandlerPriming.Result result;
        try {
            result = HandlerPriming.run(HANDLER, env(), script);
        } finally {
            System.setOut(out);
        }
        assertEquals(List.of("{\"batchItemFailures\":[]}"), result.answers());
        assertEquals(1, script.eventsPut, "the item was published to the stage's bus");
        assertEquals(OutboxPublisher.Delivery.ALREADY_DELIVERED, script.again, "the item was marked delivered");
        assertEquals(0, TRIPPED.get(), "the handler priming reached the function's real table or bus");
        // one line per handler priming, its own: none of the handler's request lines or metrics
        List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.contains("\"message\":\"handler primed for the snapshot\"")
                && !l.contains("_aws")), String.join("\n", lines));
        assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "the trace header stayed set");
    }

    @Test
    void anotherHandlerOrNoRegionIsSkipped() {
        assertEquals(List.of(), HandlerPriming.run("com.axpay.publisher.NoSuchHandler::handleRequest", env(),
                new PublisherHandlerPriming()).answers());
        Map<String, String> noRegion = new java.util.HashMap<>(env());
        noRegion.remove("AWS_REGION");
        assertNull(HandlerPriming.run(HANDLER, noRegion, new PublisherHandlerPriming()));
        assertEquals(0, TRIPPED.get());
    }
}
