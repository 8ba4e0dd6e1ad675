package com.axpay.kit.priming;

import com.axpay.kit.config.PaymentsConfig;
import com.axpay.soap.transport.LoopbackEndpoint;
import com.axpay.store.dynamodb.StoreConfig;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback stand-ins a {@link HandlerPriming} runs a function against, for the life of one priming: a DynamoDB table
 * in memory ({@link LoopbackDynamoDb}), SQS and EventBridge answering every send as accepted (one AWS JSON endpoint
 * serves all three), and Axerve's canned answers ({@link LoopbackEndpoint}) where the function's jar carries the SOAP
 * client (the publisher's does not: its stage has no Axerve, and no Axerve URL). All bound to 127.0.0.1: nothing a
 * handler priming does leaves the process's machine, and nothing it writes outlives it.
 */
public final class Stage implements AutoCloseable {

    /** The storefront key and Axerve apikey of the stage: placeholders, so priming never reads a real secret. */
    public static final String STOREFRONT_KEY = "priming-storefront";
    static final String APIKEY = "priming";

    private final LoopbackDynamoDb table = new LoopbackDynamoDb();
    private final LoopbackJsonEndpoint aws;
    /** Null where the SOAP client is not in the jar. */
    private final AxerveStandIn axerve;
    private final Map<String, String> env;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

    private Stage(Map<String, String> functionEnv) throws IOException {
        this.aws = LoopbackJsonEndpoint.start(this::answer);
        Map<String, String> e = new HashMap<>(functionEnv);
        e.put(StoreConfig.ENV_ENDPOINT, aws.endpoint().toString());
        // without the stand-in no Axerve URL is left: nothing on the stage may reach the real one
        e.remove(PaymentsConfig.AXERVE_ENV);
        AxerveStandIn soap = null;
        if (SOAP_IN_JAR) {
            try {
                soap = new AxerveStandIn();
                e.put(PaymentsConfig.AXERVE_ENV, soap.baseUrl().toString());
            } catch (IOException | RuntimeException failure) {
                aws.close();
                throw failure;
            }
        }
        this.axerve = soap;
        placeholder(e, PaymentsConfig.AXERVE_APIKEY, PaymentsConfig.AXERVE_APIKEY_SECRET_ARN, APIKEY);
        placeholder(e, PaymentsConfig.STOREFRONT_API_KEY, PaymentsConfig.STOREFRONT_API_KEY_SECRET_ARN,
                STOREFRONT_KEY);
        this.env = Map.copyOf(e);
    }

    /** Whether the SOAP client is on the class path (looked up, not loaded). */
    private static final boolean SOAP_IN_JAR = present("com.axpay.soap.transport.LoopbackEndpoint");

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Stage.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only class naming the SOAP module's, so the stage loads in a jar without it. */
    private static final class AxerveStandIn implements AutoCloseable {
        private final LoopbackEndpoint endpoint = LoopbackEndpoint.start();

        AxerveStandIn() throws IOException {
        }

        URI baseUrl() {
            return endpoint.baseUrl();
        }

        @Override
        public void close() {
            endpoint.close();
        }
    }

    /**
     * Starts the stand-ins for a function of this environment.
     *
     * @throws IOException when no loopback port can be bound (the caller then skips the handler priming)
     */
    public static Stage start(Map<String, String> functionEnv) throws IOException {
        return new Stage(functionEnv);
    }

    /** A secret the function has (as a value or an ARN) becomes a placeholder value; one it lacks stays absent. */
    private static void placeholder(Map<String, String> env, String variable, String arnVariable, String value) {
        boolean has = env.get(variable) != null || env.get(arnVariable) != null;
        env.remove(arnVariable);
        env.remove(variable);
        if (has) {
            env.put(variable, value);
        }
    }

    /**
     * The function's environment with the stand-ins in place: the table's endpoint, Axerve's base URL and the
     * placeholder secrets. A module adds its own variables (a queue's URL, a bus endpoint) pointing at
     * {@link #awsEndpoint()}.
     */
    public Map<String, String> env() {
        return env;
    }

    /** The endpoint answering DynamoDB, SQS and EventBridge. */
    public URI awsEndpoint() {
        return aws.endpoint();
    }

    public LoopbackDynamoDb table() {
        return table;
    }

    /** Requests the AWS stand-in has answered (each one proves a client reached it, not AWS). */
    public int awsExchanges() {
        return aws.exchanges();
    }

    /**
     * Entries the SQS or EventBridge stand-in accepted under an operation ({@code AmazonSQS.SendMessageBatch}:
     * messages; {@code AWSEvents.PutEvents}: events), so a handler priming's test sees what a handler sent.
     */
    public int accepted(String target) {
        AtomicInteger n = accepted.get(target);
        return n == null ? 0 : n.get();
    }

    private String answer(String target, String body) {
        if (target.startsWith("DynamoDB_")) {
            return table.answer(target, body);
        }
        try {
            Map<String, Object> request = JSON.std.mapFrom(body);
            List<Object> entries = request.get("Entries") instanceof List<?> l ? List.copyOf(l) : List.of();
            if (target.equals("AmazonSQS.SendMessageBatch") || target.equals("AWSEvents.PutEvents")) {
                accepted.computeIfAbsent(target, t -> new AtomicInteger()).addAndGet(entries.size());
            }
            if (target.equals("AmazonSQS.SendMessageBatch")) {
                List<Map<String, Object>> ok = new ArrayList<>();
                for (Object entry : entries) {
                    Map<?, ?> m = (Map<?, ?>) entry;
                    ok.add(Map.of("Id", m.get("Id"), "MessageId", "priming-" + ok.size(),
                            "MD5OfMessageBody", md5Hex(String.valueOf(m.get("MessageBody")))));
                }
                return JSON.std.asString(Map.of("Successful", ok, "Failed", List.of()));
            }
            if (target.equals("AWSEvents.PutEvents")) {
                List<Map<String, Object>> ids = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    ids.add(Map.of("EventId", "priming-" + i));
                }
                return JSON.std.asString(Map.of("FailedEntryCount", 0, "Entries", ids));
            }
        } catch (IOException | RuntimeException e) {
            return "{}";
        }
        return "{}";
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
    public void close() {
        if (axerve != null) {
            axerve.close();
        }
        aws.close();
    }
}
