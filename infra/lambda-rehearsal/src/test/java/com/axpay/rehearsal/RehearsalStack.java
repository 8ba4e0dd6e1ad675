package com.axpay.rehearsal;

import com.axpay.cfn.CfnYaml;
import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.RuntimeApiEmulator;
import com.axpay.lambdarun.TaskRoots;
import com.axpay.local.DynamoDbLocalServer;
import com.axpay.local.DynamoDbTables;
import com.axpay.local.SamTemplate;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Everything a function of template.yaml talks to, on 127.0.0.1 and free ports: DynamoDB Local with the template's
 * tables, the Axerve simulator (its merchant requires the apikey), both secrets in a stand-in for the Parameters and
 * Secrets extension (on-demand INIT: the function has AWS_SESSION_TOKEN) and in a Secrets Manager stand-in with its
 * container credentials endpoint (SnapStart: no session token), an EventBridge PutEvents stand-in, Axerve's S2S
 * call forwarded as an API Gateway event to the notification function's environment and, when asked
 * ({@link #startQueues()}, the cold-start benchmark), the template's queues on ElasticMQ. Functions are launched from
 * their CodeUri jars under the runtime client.
 */
public final class RehearsalStack implements AutoCloseable {

    public static final String REGION = "eu-south-1";
    public static final String STOREFRONT_KEY = "rehearsal-storefront-key-5d1f";
    public static final String AXERVE_APIKEY = "rehearsal-axerve-apikey-93be";
    static final String STOREFRONT_SECRET_ARN =
            "arn:aws:secretsmanager:eu-south-1:123456789012:secret:axpay/storefront-key-Ab12Cd";
    static final String AXERVE_SECRET_ARN =
            "arn:aws:secretsmanager:eu-south-1:123456789012:secret:axpay/axerve-apikey-Ef34Gh";
    public static final String RETURN_URL = "https://shop.example.test/checkout/done";
    static final String DEFAULT_RETURN_URL = "https://shop.example.test/checkout";
    /** How long INIT may take here (a loaded 2-core machine), far above a normal start. */
    static final String CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    public static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);

    public final Path root;
    public final Events events;
    final SamTemplate template;
    final Map<String, Object> rawTemplate;
    public final AxerveSimulator sim;
    final SecretsExtensionStandIn secrets;
    final SecretsManagerStandIn secretsManager;
    public final List<JsonNode> publishedEvents = new CopyOnWriteArrayList<>();
    public final String tableName;
    private final DynamoDbLocalServer ddb;
    private final String ddbEndpoint;
    private final String sqsEndpoint;
    private AutoCloseable queueServer;
    private final HttpServer helpers;
    private final TaskRoots taskRoots;
    private final Path logDir;
    private final Map<String, FunctionSandbox> running = new ConcurrentHashMap<>();
    private final List<FunctionSandbox> all = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger launches = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RehearsalStack() throws Exception {
        root = repositoryRoot();
        events = new Events(root.resolve("events"));
        rawTemplate = CfnYaml.load(root.resolve("template.yaml"));
        // no queue server unless the benchmark starts one: nothing is due in a rehearsal, so the schedule sends
        // nothing and the worker gets its events directly (as the event source mapping delivers them)
        sqsEndpoint = "http://127.0.0.1:" + freePort();
        template = SamTemplate.load(root.resolve("template.yaml"), REGION, "axpay-rehearsal", sqsEndpoint);
        int ddbPort = freePort();
        ddb = DynamoDbLocalServer.start(ddbPort, null);
        ddbEndpoint = ddb.endpoint().toString();
        try (DynamoDbClient c = dynamoDb()) {
            DynamoDbTables.createMissing(c, template.tables());
        }
        tableName = template.tables().get(0).tableName();

        helpers = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        helpers.createContext("/axerve/s2s", this::forwardS2s);
        helpers.createContext("/eventbridge", this::putEvents);
        helpers.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rehearsal-helpers");
            t.setDaemon(true);
            return t;
        }));
        helpers.start();
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                .positiveUrl("https://api.example.test/axerve/return/ok")
                .negativeUrl("https://api.example.test/axerve/return/ko")
                .s2sUrl(helperUrl("/axerve/s2s")));
        putMerchant(false);
        secrets = new SecretsExtensionStandIn();
        secrets.put(STOREFRONT_SECRET_ARN, STOREFRONT_KEY);
        secrets.put(AXERVE_SECRET_ARN, AXERVE_APIKEY);
        secretsManager = new SecretsManagerStandIn(REGION);
        secretsManager.put(STOREFRONT_SECRET_ARN, STOREFRONT_KEY);
        secretsManager.put(AXERVE_SECRET_ARN, AXERVE_APIKEY);
        taskRoots = new TaskRoots();
        logDir = Files.createDirectories(root.resolve("infra/lambda-rehearsal/target/function-logs"));
    }

    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("template.yaml not found above the working directory");
        }
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String helperUrl(String path) {
        return "http://127.0.0.1:" + helpers.getAddress().getPort() + path;
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(URI.create(ddbEndpoint)).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public List<String> functionIds() {
        return template.functions().stream().map(SamTemplate.FunctionDef::logicalId).toList();
    }

    /**
     * The function as deployed, wired to the local parts: the template's handler, CodeUri, timeout, memory and
     * environment, with the template parameters a deployer gives (shop login, secrets' ARNs, return URLs) and the
     * endpoints of DynamoDB Local, the simulator, the event bus stand-in and the secrets extension stand-in.
     */
    public FunctionSandbox.Spec spec(String logicalId) {
        SamTemplate.FunctionDef f = template.functions().stream().filter(x -> x.logicalId().equals(logicalId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no function " + logicalId));
        Map<String, String> env = new LinkedHashMap<>(f.environment());
        env.values().removeIf(java.util.Objects::isNull);
        env.put("AXERVE_ENV", sim.baseUrl());
        env.put("AXERVE_SHOP_LOGIN", AxerveSimulator.DEFAULT_SHOP_LOGIN);
        // the deployer's parameters: the secrets' ARNs where the template passes them
        if (declares(f, "AXERVE_APIKEY_SECRET_ARN")) {
            env.put("AXERVE_APIKEY_SECRET_ARN", AXERVE_SECRET_ARN);
        }
        if (declares(f, "STOREFRONT_API_KEY_SECRET_ARN")) {
            env.put("STOREFRONT_API_KEY_SECRET_ARN", STOREFRONT_SECRET_ARN);
        }
        env.put("RETURN_URL_ALLOWLIST", RETURN_URL + "," + DEFAULT_RETURN_URL);
        env.put("DEFAULT_RETURN_URL", DEFAULT_RETURN_URL);
        env.put("DYNAMODB_ENDPOINT", ddbEndpoint);
        env.put("EVENTS_ENDPOINT", helperUrl("/eventbridge"));
        env.put("SQS_ENDPOINT", sqsEndpoint);
        env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(secrets.port()));
        // deployed with the extension's layer (the template's optional parameter given): an on-demand function
        // reads through it; the SnapStart environment below is the default deploy, without it
        env.put("SECRETS_EXTENSION", "layer");
        // the session token tells the secrets stand-in which environment asks (each sandbox has its own extension)
        env.put("AWS_SESSION_TOKEN", "session-" + logicalId + "-" + launches.incrementAndGet());
        return new FunctionSandbox.Spec(logicalId, f.handler(), f.codeUri(), memoryOf(logicalId),
                f.timeoutSeconds(), REGION, env, false);
    }

    /**
     * The function as a SnapStart version runs it: Lambda gives SnapStart functions no AWS_SESSION_TOKEN (nor key
     * variables) but container credentials, so the function reads its secrets from Secrets Manager directly (the
     * extension authenticates callers with the session token). Its endpoint is the stand-in's, as a deployer would
     * point AWS_ENDPOINT_URL_SECRETS_MANAGER at a VPC endpoint.
     */
    public FunctionSandbox.Spec snapStartSpec(String logicalId) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("AWS_SESSION_TOKEN", null);
        env.put(FunctionSandbox.CONTAINER_CREDENTIALS_URI, secretsManager.credentialsUri());
        env.put(CONTAINER_AUTHORIZATION_TOKEN, secretsManager.newAuthorizationToken());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint());
        env.put("SECRETS_EXTENSION", "none");
        return spec(logicalId).withSnapStart(true).withEnvironment(env);
    }

    /** The template gives the function this variable (a parameter without default leaves it unresolved here). */
    private static boolean declares(SamTemplate.FunctionDef f, String name) {
        return f.environment().containsKey(name) || f.unresolvedVariables().contains(name);
    }

    @SuppressWarnings("unchecked")
    int memoryOf(String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) rawTemplate.get("Resources");
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId))
                .get("Properties");
        Object m = props.get("MemorySize");
        if (m == null) {
            Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) rawTemplate.get("Globals"))
                    .get("Function");
            m = globals.get("MemorySize");
        }
        return m == null ? 128 : Integer.parseInt(String.valueOf(m));
    }

    /** Launches a function; its log goes to target/function-logs/{name}-{n}.log. */
    public FunctionSandbox launch(FunctionSandbox.Spec spec) throws IOException {
        Path logFile = logDir.resolve(spec.name() + "-" + launches.incrementAndGet()
                + (spec.snapStart() ? "-snapstart" : "") + ".log");
        PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
        FunctionSandbox s = FunctionSandbox.launch(spec, taskRoots, log::println);
        // each environment is known to the secret path it uses by its own token
        String containerToken = spec.environment().get(CONTAINER_AUTHORIZATION_TOKEN);
        if (containerToken != null) {
            secretsManager.environment(containerToken, () -> s.api().deliveredInvocations());
        } else {
            secrets.environment(spec.environment().get("AWS_SESSION_TOKEN"), () -> s.api().deliveredInvocations());
        }
        all.add(s);
        return s;
    }

    /**
     * Launches these functions, {@code parallel} INITs at a time (a 2-core machine), and waits for each INIT; the
     * environments stay up, registered as the ones that serve their function.
     */
    Map<String, RuntimeApiEmulator.InitOutcome> launchAll(List<FunctionSandbox.Spec> specs, int parallel)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            Map<String, Future<RuntimeApiEmulator.InitOutcome>> futures = new LinkedHashMap<>();
            for (FunctionSandbox.Spec spec : specs) {
                futures.put(spec.name(), pool.submit(() -> {
                    FunctionSandbox s = launch(spec);
                    running.put(spec.name(), s);
                    return s.awaitInit(INIT_TIMEOUT);
                }));
            }
            Map<String, RuntimeApiEmulator.InitOutcome> out = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    FunctionSandbox running(String logicalId) {
        FunctionSandbox s = running.get(logicalId);
        if (s == null) {
            throw new IllegalStateException(logicalId + " is not running");
        }
        return s;
    }

    /** Invokes the running environment of a function with an event; the outcome as Lambda reports it. */
    RuntimeApiEmulator.InvocationOutcome invoke(String logicalId, String event) {
        return running(logicalId).invoke(event, Duration.ofSeconds(5));
    }

    List<FunctionSandbox> launched() {
        return new ArrayList<>(all);
    }

    /** The buyer on the simulator's payment page choosing {@code scenario}; Axerve then notifies us (S2S). */
    public void payOnPage(String redirectUrl, String scenario) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(redirectUrl + "&sim=" + scenario))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new AssertionError("payment page answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The browser's return to the shop: the Location the payment page sent, e.g. .../axerve/return/ok?a=..&b=.. */
    public String returnLocation(String redirectUrl, String scenario) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(redirectUrl + "&sim=" + scenario))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r));
    }

    /**
     * The buyer signs in on the simulated Amazon widgets and picks the first address of the book and a method that
     * pays: the order reference id the shop's page then sends (Amazon refuses an id it never issued).
     */
    public String amazonOrderReference() throws Exception {
        JsonNode ref = Events.parse(widgetCall("/amazon/widgets/order-references",
                "{\"sellerId\":\"A1REHEARSAL\",\"buyerEmail\":\"buyer@example.test\","
                        + "\"agreementType\":\"OrderReference\"}", 201));
        String id = ref.path("id").asText();
        widgetCall("/amazon/widgets/order-references/" + id, "{\"address\":0,\"method\":\"success\"}", 200);
        return id;
    }

    private String widgetCall(String path, String json, int expected) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new AssertionError("Amazon widgets answered " + r.statusCode() + " to " + path + ": " + r.body());
        }
        return r.body();
    }

    /**
     * The simulator's merchant: requires the apikey; {@code deferredCapture} makes a paid payment AUTHORIZED, left for
     * the shop to capture or cancel, instead of captured at once.
     */
    public void putMerchant(boolean deferredCapture) throws Exception {
        simAdmin("PUT", "/_sim/merchants/" + AxerveSimulator.DEFAULT_SHOP_LOGIN, "{\"shopLogin\":\""
                + AxerveSimulator.DEFAULT_SHOP_LOGIN + "\",\"apikey\":\"" + AXERVE_APIKEY + "\",\"active\":true,"
                + "\"captureMode\":\"" + (deferredCapture ? "deferred" : "immediate") + "\"}");
    }

    /** A call of the simulator's admin API ({@code /_sim/...}) that must answer 200; its body. */
    public String simAdmin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(5));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.header("Content-Type",
                "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("simulator answered " + r.statusCode() + " to " + method + " " + path
                    + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Serves the template's queues on ElasticMQ at the functions' {@code SQS_ENDPOINT} (the rehearsal runs without
     * one: nothing is due there), for the benchmark's schedule and charge worker.
     */
    public void startQueues() {
        if (queueServer != null) {
            return;
        }
        int port = URI.create(sqsEndpoint).getPort();
        String queueUrl = spec("RecurringScheduleFunction").environment().get("CHARGE_QUEUE_URL");
        String account = URI.create(queueUrl).getPath().split("/")[1];
        org.elasticmq.rest.sqs.SQSRestServer server = org.elasticmq.rest.sqs.SQSRestServerBuilder
                .withInterface("127.0.0.1").withPort(port).withAWSRegion(REGION).withAWSAccountId(account).start();
        server.waitUntilStarted();
        queueServer = server::stopAndWait;
        try (software.amazon.awssdk.services.sqs.SqsClient sqs = sqs()) {
            template.queues().forEach(q -> sqs.createQueue(r -> r.queueName(q.queueName())));
        }
    }

    /** A client of the queues {@link #startQueues()} serves. */
    public software.amazon.awssdk.services.sqs.SqsClient sqs() {
        return software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(URI.create(sqsEndpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The keys of a payment's outbox items (what the table's stream gives the publisher). */
    public List<String> outboxKeys(String paymentId) {
        try (DynamoDbClient c = dynamoDb()) {
            return c.scanPaginator(r -> r.tableName(tableName).consistentRead(true)
                            .filterExpression("begins_with(pk, :p)").expressionAttributeValues(Map.of(":p",
                                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                            "OUTBOX#" + paymentId + "#")))).items().stream()
                    .map(i -> i.get("pk").s()).toList();
        }
    }

    /** Axerve's S2S call, as API Gateway would deliver it to the notification function's environment. */
    private void forwardS2s(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            int status = 502;
            String body = "";
            FunctionSandbox s = running.get("AxerveNotificationFunction");
            if (s != null) {
                RuntimeApiEmulator.InvocationOutcome o = s.invoke(events.http("GET /axerve/s2s", "/axerve/s2s",
                        null, ex.getRequestURI().getRawQuery(), null, null), Duration.ofSeconds(2));
                if (o.ok()) {
                    JsonNode r = Events.parse(o.body());
                    status = r.path("statusCode").asInt(502);
                    body = r.path("body").asText("");
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** EventBridge's PutEvents (JSON 1.1): keeps the entries, answers an id for each. */
    private void putEvents(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = Events.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode answer = Events.JSON.createObjectNode();
            answer.put("FailedEntryCount", 0);
            var entries = answer.putArray("Entries");
            for (JsonNode e : req.path("Entries")) {
                publishedEvents.add(e);
                entries.addObject().put("EventId", java.util.UUID.randomUUID().toString());
            }
            byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops one environment (it stays in {@link #launched()} for log checks). */
    void stop(String logicalId) {
        FunctionSandbox s = running.remove(logicalId);
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws Exception {
        all.parallelStream().forEach(FunctionSandbox::close);
        running.clear();
        secrets.close();
        secretsManager.close();
        sim.close();
        helpers.stop(0);
        ddb.close();
        if (queueServer != null) {
            queueServer.close();
        }
        taskRoots.close();
    }
}
