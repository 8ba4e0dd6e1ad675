package com.axpay.publisher;

import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.testing.LogLines;
import com.axpay.kit.testing.RefusingServer;
import com.axpay.kit.priming.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The publisher's handler priming delivers the outbox item it put on the stage: one PutEvents to the stage's bus, the item
 * marked delivered; the function's real table and bus (a tripwire here) are never contacted, and only the priming's own line is logged.
 */
class PublisherHandlerPrimingTest {

    private static final String HANDLER = "com.axpay.publisher.OutboxPublisherHandler::handleRequest";
    private static RefusingServer tripwire;

    @BeforeAll
    static void start() {
        tripwire = RefusingServer.start();
    }

    @AfterAll
    static void stop() {
        tripwire.close();
    }

    private static Map<String, String> env() {
        String real = tripwire.url();
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
        Watching script = new Watching();
        HandlerPriming.Result[] result = new HandlerPriming.Result[1];
        LogLines.ofHandlerPrimings(1, () -> result[0] = HandlerPriming.run(HANDLER, env(), script));
        assertEquals(List.of("{\"batchItemFailures\":[]}"), result[0].answers());
        assertEquals(1, script.eventsPut, "the item was published to the stage's bus");
        assertEquals(OutboxPublisher.Delivery.ALREADY_DELIVERED, script.again, "the item was marked delivered");
        assertEquals(0, tripwire.requests(), "the handler priming reached the function's real table or bus");
        assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "the trace header stayed set");
    }

    @Test
    void anotherHandlerOrNoRegionIsSkipped() {
        assertEquals(List.of(), HandlerPriming.run("com.axpay.publisher.NoSuchHandler::handleRequest", env(),
                new PublisherHandlerPriming()).answers());
        Map<String, String> noRegion = new java.util.HashMap<>(env());
        noRegion.remove("AWS_REGION");
        assertNull(HandlerPriming.run(HANDLER, noRegion, new PublisherHandlerPriming()));
        assertEquals(0, tripwire.requests());
    }
}
