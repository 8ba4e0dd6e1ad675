package com.axpay.kit.priming;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage counts what its SQS and EventBridge stand-ins accepted, and points the function at its own Axerve. */
class StageTest {

    private static String post(URI endpoint, String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void countsTheMessagesAndEventsItAccepted() throws Exception {
        try (Stage stage = Stage.start(Map.of("AWS_REGION", "eu-south-1"))) {
            String sent = post(stage.awsEndpoint(), "AmazonSQS.SendMessageBatch",
                    "{\"Entries\":[{\"Id\":\"0\",\"MessageBody\":\"a\"},{\"Id\":\"1\",\"MessageBody\":\"b\"}]}");
            post(stage.awsEndpoint(), "AWSEvents.PutEvents", "{\"Entries\":[{\"Detail\":\"{}\"}]}");
            post(stage.awsEndpoint(), "DynamoDB_20120810.GetItem", "{\"Key\":{\"pk\":{\"S\":\"x\"}}}");

            assertTrue(sent.contains("\"Failed\":[]"), sent);
            assertEquals(2, stage.accepted("AmazonSQS.SendMessageBatch"));
            assertEquals(1, stage.accepted("AWSEvents.PutEvents"));
            assertEquals(0, stage.accepted("DynamoDB_20120810.GetItem"));
            assertEquals(3, stage.awsExchanges());
        }
    }

    @Test
    void theFunctionsAxerveIsReplacedByTheStandIn() throws Exception {
        String real = "http://127.0.0.1:9";
        try (Stage stage = Stage.start(Map.of("AWS_REGION", "eu-south-1", "AXERVE_ENV", real))) {
            assertNotEquals(real, stage.env().get("AXERVE_ENV"));
            assertTrue(stage.env().get("AXERVE_ENV").startsWith("http://127.0.0.1:"), stage.env().get("AXERVE_ENV"));
            assertEquals(stage.awsEndpoint().toString(), stage.env().get("DYNAMODB_ENDPOINT"));
        }
    }
}
