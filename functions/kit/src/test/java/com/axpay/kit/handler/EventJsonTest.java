package com.axpay.kit.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.axpay.kit.testing.ProjectFiles;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The handlers' own event path gives what the Lambda runtime's serializers give: each sample event in events/ read
 * both ways (aws-lambda-java-tests loads with the runtime's serializers), and each answer written both ways.
 */
class EventJsonTest {

    @Test
    void everyHttpSampleReadsAsTheRuntimeReadsIt() throws IOException {
        List<Path> samples = httpSamples();
        assertFalse(samples.isEmpty(), "no API Gateway samples in events/");
        for (Path sample : samples) {
            APIGatewayV2HTTPEvent runtime = EventLoader.loadApiGatewayHttpEvent(sample.toString());
            APIGatewayV2HTTPEvent ours;
            try (InputStream in = Files.newInputStream(sample)) {
                ours = EventJson.httpEvent(in);
            }
            String name = sample.getFileName().toString();
            assertEquals(runtime.getVersion(), ours.getVersion(), name);
            assertEquals(runtime.getRouteKey(), ours.getRouteKey(), name);
            assertEquals(runtime.getRawPath(), ours.getRawPath(), name);
            assertEquals(runtime.getRawQueryString(), ours.getRawQueryString(), name);
            assertEquals(runtime.getCookies(), ours.getCookies(), name);
            assertEquals(runtime.getHeaders(), ours.getHeaders(), name);
            assertEquals(runtime.getQueryStringParameters(), ours.getQueryStringParameters(), name);
            assertEquals(runtime.getPathParameters(), ours.getPathParameters(), name);
            assertEquals(runtime.getStageVariables(), ours.getStageVariables(), name);
            assertEquals(runtime.getBody(), ours.getBody(), name);
            assertEquals(runtime.getIsBase64Encoded(), ours.getIsBase64Encoded(), name);
            APIGatewayV2HTTPEvent.RequestContext r = runtime.getRequestContext();
            APIGatewayV2HTTPEvent.RequestContext o = ours.getRequestContext();
            assertEquals(r.getRequestId(), o.getRequestId(), name);
            assertEquals(r.getRouteKey(), o.getRouteKey(), name);
            assertEquals(r.getTimeEpoch(), o.getTimeEpoch(), name);
            assertEquals(r.getHttp(), o.getHttp(), name);
        }
    }

    @Test
    void anSqsBatchReadsAsTheRuntimeReadsIt() throws IOException {
        Path sample = ProjectFiles.root().resolve("events/charge-batch.json");
        SQSEvent runtime = EventLoader.loadSQSEvent(sample.toString());
        SQSEvent ours;
        try (InputStream in = Files.newInputStream(sample)) {
            ours = EventJson.sqsEvent(in);
        }
        assertEquals(runtime.getRecords().size(), ours.getRecords().size());
        for (int i = 0; i < ours.getRecords().size(); i++) {
            SQSEvent.SQSMessage r = runtime.getRecords().get(i);
            SQSEvent.SQSMessage o = ours.getRecords().get(i);
            assertEquals(r.getMessageId(), o.getMessageId());
            assertEquals(r.getBody(), o.getBody());
            assertEquals(r.getEventSourceArn(), o.getEventSourceArn());
            assertEquals(r.getAttributes(), o.getAttributes());
        }
    }

    @Test
    void aScheduledTickReadsAsTheRuntimeReadsIt() throws IOException {
        Path sample = ProjectFiles.root().resolve("events/reconciler-tick.json");
        ScheduledEvent runtime = EventLoader.loadScheduledEvent(sample.toString());
        ScheduledEvent ours;
        try (InputStream in = Files.newInputStream(sample)) {
            ours = EventJson.scheduledEvent(in);
        }
        assertEquals(runtime.getId(), ours.getId());
        assertEquals(runtime.getSource(), ours.getSource());
        assertEquals(runtime.getDetailType(), ours.getDetailType());
        assertEquals(runtime.getAccount(), ours.getAccount());
        assertEquals(runtime.getRegion(), ours.getRegion());
        assertEquals(runtime.getResources(), ours.getResources());
        assertEquals(runtime.getDetail(), ours.getDetail());
    }

    @Test
    void anOutboxStreamBatchReadsAsTheRuntimeReadsIt() throws IOException {
        Path sample = ProjectFiles.root().resolve("events/outbox-stream.json");
        DynamodbEvent runtime = EventLoader.loadDynamoDbEvent(sample.toString());
        DynamodbEvent ours;
        try (InputStream in = Files.newInputStream(sample)) {
            ours = EventJson.dynamodbEvent(in);
        }
        assertEquals(runtime.getRecords().size(), ours.getRecords().size());
        for (int i = 0; i < ours.getRecords().size(); i++) {
            DynamodbEvent.DynamodbStreamRecord r = runtime.getRecords().get(i);
            DynamodbEvent.DynamodbStreamRecord o = ours.getRecords().get(i);
            assertEquals(r.getEventID(), o.getEventID());
            assertEquals(r.getEventName(), o.getEventName());
            assertEquals(r.getEventSourceARN(), o.getEventSourceARN());
            assertEquals(r.getDynamodb().getKeys(), o.getDynamodb().getKeys());
            assertEquals(r.getDynamodb().getSequenceNumber(), o.getDynamodb().getSequenceNumber());
            assertEquals(r.getDynamodb().getSizeBytes(), o.getDynamodb().getSizeBytes());
            assertEquals(r.getDynamodb().getStreamViewType(), o.getDynamodb().getStreamViewType());
        }
    }

    @Test
    void answersAreWrittenAsTheRuntimeWritesThem() throws IOException {
        StreamsEventResponse stream = new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure("111100000000012345678901")));
        assertEquals(runtimeJson(stream, StreamsEventResponse.class), ours(out -> EventJson.write(stream, out)));
        Map<String, Integer> counts = new java.util.LinkedHashMap<>(Map.of("examined", 3, "resolved", 1));
        assertEquals(JSON.std.mapFrom(runtimeBytes(counts, Map.class)), ours(out -> EventJson.writeValue(counts, out)));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        EventJson.writeValue("complete", plain);
        assertEquals(new String(runtimeBytes("complete", String.class)), plain.toString());

        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                .withHeaders(Map.of("location", "https://shop.example/return?state=PAID"))
                .withBody("{\"ok\":true}").build();
        assertEquals(runtimeJson(answer, APIGatewayV2HTTPResponse.class), ours(out -> EventJson.write(answer, out)));

        SQSBatchResponse batch = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2")));
        assertEquals(runtimeJson(batch, SQSBatchResponse.class), ours(out -> EventJson.write(batch, out)));
    }

    @Test
    void anEventThatIsNotAnObjectIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> EventJson.httpEvent(new java.io.ByteArrayInputStream("null".getBytes())));
    }

    @Test
    void absentFieldsStayNull() throws IOException {
        APIGatewayV2HTTPEvent e = EventJson.httpEvent(new java.io.ByteArrayInputStream("{}".getBytes()));
        assertNull(e.getHeaders());
        assertNull(e.getBody());
        assertNull(e.getRequestContext());
        assertFalse(e.getIsBase64Encoded());
    }

    private interface Writer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static Map<String, Object> ours(Writer w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return JSON.std.mapFrom(out.toByteArray());
    }

    private static <T> Map<String, Object> runtimeJson(T value, Class<T> type) throws IOException {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, EventJsonTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        Map<String, Object> m = JSON.std.mapFrom(out.toByteArray());
        m.values().removeIf(v -> v == null); // the runtime writes absent fields as null, we leave them out
        return m;
    }

    /** A plain answer (a map, a string) as the runtime client's own Jackson serializer writes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] runtimeBytes(Object value, Class type) {
        PojoSerializer serializer = JacksonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toByteArray();
    }

    private static List<Path> httpSamples() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("events"))) {
            return files.filter(p -> p.toString().endsWith(".json")).filter(EventJsonTest::isHttp).sorted().toList();
        }
    }

    private static boolean isHttp(Path p) {
        try {
            return Files.readString(p).contains("\"routeKey\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
