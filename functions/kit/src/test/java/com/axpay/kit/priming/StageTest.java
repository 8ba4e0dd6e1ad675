package com.axpay.kit.priming;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** The publisher's jar has no SOAP client: its stage starts all the same, with no Axerve URL at all. */
    @Test
    void withoutTheSoapClientTheStageHasNoAxerve() throws Exception {
        List<URL> urls = new ArrayList<>();
        // surefire hands the JVM a manifest-only jar; the real class path is in its property
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            urls.add(toUrl(entry));
        }
        try (URLClassLoader noSoap = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.axpay.soap.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> stageClass = noSoap.loadClass(Stage.class.getName());
            try (AutoCloseable stage = (AutoCloseable) stageClass.getMethod("start", Map.class)
                    .invoke(null, Map.of("AWS_REGION", "eu-south-1", "AXERVE_ENV", "http://127.0.0.1:9"))) {
                Map<?, ?> env = (Map<?, ?>) stageClass.getMethod("env").invoke(stage);
                assertNull(env.get("AXERVE_ENV"), "the function's own Axerve URL was left on the stage");
                assertTrue(String.valueOf(env.get("DYNAMODB_ENDPOINT")).startsWith("http://127.0.0.1:"));
            }
        }
    }

    private static URL toUrl(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
