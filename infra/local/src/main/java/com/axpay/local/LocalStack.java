package com.axpay.local;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.NotifyOptions;
import com.axpay.simulator.SimulatorOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole product on one machine, in one JVM: the template's functions behind an emulated HTTP API, DynamoDB
 * Local with the template's tables, the Axerve simulator pointed at the API, the schedules on timers and the demo
 * storefront. Started by {@code infra/local/run}; stops everything on Ctrl-C / SIGTERM.
 */
public final class LocalStack implements AutoCloseable {

    static final String RETURN_OK_PATH = "/axerve/return/ok";
    static final String RETURN_KO_PATH = "/axerve/return/ko";
    static final String S2S_PATH = "/axerve/s2s";

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    /** Process mode (LAMBDA_RUNTIME=process): each function in its own JVM under Lambda's runtime client. */
    private ProcessFunctions processes;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        boolean printEnv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--print-env" -> printEnv = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        fail("--data-dir needs a directory");
                    }
                    dataDir = Path.of(args[++i]);
                }
                default -> fail("unknown option " + args[i] + " (options: --data-dir DIR, --print-env)");
            }
        }
        Map<String, String> env = System.getenv();
        StackSettings settings;
        SamTemplate template;
        HandlerEnvironment handlerEnv;
        try {
            settings = StackSettings.from(env, dataDir);
            template = SamTemplate.load(settings.template(), settings.region(), StackSettings.STACK_NAME,
                    settings.sqsEndpoint());
            handlerEnv = HandlerEnvironment.compute(template.functions(),
                    template.tables().stream().map(SamTemplate.TableDef::tableName).toList(), settings, env);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            fail(e.getMessage());
            return;
        }
        if (printEnv) {
            handlerEnv.warnings().forEach(w -> System.err.println("local stack: " + w));
            System.out.print(handlerEnv.shellExports());
            return;
        }
        List<String> missing = handlerEnv.mismatches(env);
        if (!missing.isEmpty()) {
            fail("the handlers read their settings from the process environment, and this JVM lacks " + missing
                    + ": start the stack with infra/local/run");
        }
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("local stack: stopping");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.processes = ProcessFunctions.fromEnvironment(env, template, handlerEnv.values(), settings.region(),
                    System.out);
            stack.start(settings, template, System.out);
        } catch (StartupFailure e) {
            System.err.println("local stack: " + e.getMessage());
            System.exit(1); // the shutdown hook stops what had started
        } catch (Exception e) {
            System.err.println("local stack: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    /** A start that cannot go on, with a message naming what to change; reported without a stack trace. */
    static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }

    private void start(StackSettings s, SamTemplate template, PrintStream out) throws Exception {
        String ddbEndpoint = s.effectiveDynamoDbEndpoint();
        Map<String, Integer> ports = ports(s, template);
        List<String> taken = Ports.taken(ports);
        if (!taken.isEmpty()) {
            throw new StartupFailure(String.join("; ", taken));
        }
        if (s.runsDynamoDbLocal()) {
            parts.add(Ports.binding("DDB_PORT", s.dynamoDbPort(),
                    () -> DynamoDbLocalServer.start(s.dynamoDbPort(), s.dynamoDbDataDir())));
        }
        if (ddbEndpoint != null) {
            try (DynamoDbClient ddb = localClient(ddbEndpoint, s.region())) {
                List<String> created = DynamoDbTables.createMissing(ddb, template.tables());
                out.println("local stack: tables " + template.tables().stream().map(SamTemplate.TableDef::tableName)
                        .toList() + (created.isEmpty() ? " found in place" : ", created " + created));
            }
        } else {
            out.println("local stack: DDB_MODE=aws, using the existing tables in " + s.region() + " with the "
                    + "caller's AWS credentials; nothing is created");
        }

        if (s.runsSimulator()) {
            AxerveSimulator sim = Ports.binding("AXERVE_SIM_PORT", s.simulatorPort(), () -> AxerveSimulator.start(
                    SimulatorOptions.defaults().port(s.simulatorPort())
                            .positiveUrl(s.apiBaseUrl() + RETURN_OK_PATH).negativeUrl(s.apiBaseUrl() + RETURN_KO_PATH)
                            .s2sUrl(s.apiBaseUrl() + S2S_PATH)
                            // process mode: a cold start on a busy machine can outlast the simulator's 5 s S2S
                            // request, so it keeps retrying longer (each retry finds the JVM the first one started)
                            .notifyOptions(processes == null ? NotifyOptions.defaults()
                                    : NotifyOptions.defaults().withRetryIntervalMs(3000).withMaxAttempts(20))));
            parts.add(sim);
            requireApikey(sim, s.shopLogin(), s.apikey());
        }

        for (SamTemplate.FunctionDef f : template.functions()) {
            functions.put(f.logicalId(), new LambdaFunction(f, s.region(), out));
        }
        if (processes != null) {
            parts.add(processes);
            functions.values().forEach(f -> f.runIn(processes));
        }
        RouteTable routes = new RouteTable(template.routes());
        for (String path : List.of(RETURN_OK_PATH, RETURN_KO_PATH, S2S_PATH)) {
            if (routes.match("GET", path).isEmpty()) {
                out.println("local stack: warning: the template has no GET " + path + " route; Axerve's "
                        + "redirects and notifications to it will get 404");
            }
        }
        startQueues(s, template, out);
        LocalClockControl clock = new LocalClockControl(s.clockFile());
        Files.createDirectories(s.clockFile().getParent());
        clock.reset(); // every run starts at the real time
        initFunctions(out);
        Schedules schedules = new Schedules(template.schedules(), functions, s.region(), out);
        parts.add(schedules);
        DemoStorefront storefront = new DemoStorefront(s.apiBaseUrl(), s.storefrontApiKey(), s.demoResultUrl())
                .withWidgetCheckout(s.runsSimulator() ? s.simulatorBaseUrl() : null);
        ApiServer api = Ports.binding("API_PORT", s.apiPort(), () -> new ApiServer(s.apiPort(),
                new ApiGateway(routes, functions, out), schedules, storefront, new LocalEvents(), clock, out));
        parts.add(api);
        List<LambdaFunction> publishers = template.streamFunctions().stream().map(functions::get).toList();
        if (ddbEndpoint != null && !publishers.isEmpty()) {
            OutboxRelay relay = new OutboxRelay(localClient(ddbEndpoint, s.region()),
                    template.tables().stream().map(SamTemplate.TableDef::tableName).toList(), publishers, out);
            parts.add(relay);
            relay.start();
            out.println("local stack: outbox -> " + publishers.stream().map(LambdaFunction::id).toList()
                    + " -> events at " + s.apiBaseUrl() + LocalEvents.EVENTS_PATH);
        }
        routes.routes().forEach(r -> out.println("local stack: route " + r.routeKey() + " -> " + r.functionId()));
        if (s.schedulesOn()) {
            schedules.start();
        }
        schedules.all().forEach(x -> out.println("local stack: schedule " + x.functionId() + "/" + x.eventName()
                + " " + x.expression() + (s.schedulesOn() ? "" : " (timers off)") + "; fire now: POST "
                + s.apiBaseUrl() + ApiServer.SCHEDULES_PATH + "/" + x.functionId()));

        out.println("local stack: test clock: POST " + s.apiBaseUrl() + ApiServer.CLOCK_PATH
                + " {\"advance\":\"P1M\"} moves the time every function sees");
        awaitReady(s, ddbEndpoint);
        out.println("local stack ready: storefront " + s.apiBaseUrl() + "/ | api " + s.apiBaseUrl()
                + " | axerve " + (s.runsSimulator() ? s.simulatorBaseUrl() + " (simulator)" : s.axerveEnv())
                + " | dynamodb " + (ddbEndpoint == null ? "aws " + s.region() : ddbEndpoint
                + (s.runsDynamoDbLocal() ? (s.dynamoDbDataDir() == null ? " (in memory)"
                : " (data in " + s.dynamoDbDataDir() + ")") : "")));
        out.flush();
    }

    /**
     * The template's queues on ElasticMQ and their SQS event sources: pollers that invoke the functions with batches
     * and keep the messages a function reports failed, as Lambda does.
     */
    private void startQueues(StackSettings s, SamTemplate template, PrintStream out) throws Exception {
        List<SamTemplate.QueueDef> queues = template.queues();
        if (queues.isEmpty()) {
            return;
        }
        LocalQueues local = Ports.binding("SQS_PORT", s.sqsPort(), () -> LocalQueues.start(s.sqsPort(), s.region(),
                queues));
        parts.add(local);
        SqsEventSources sources = new SqsEventSources(local.client(), s.region(), out);
        parts.add(sources);
        for (SamTemplate.SqsSource src : template.sqsSources()) {
            String arn = "arn:aws:sqs:" + s.region() + ":" + Intrinsics.ACCOUNT_ID + ":" + src.queueLogicalId();
            sources.start(src, local.urlOf(src.queueLogicalId()), arn, functions.get(src.functionId()));
            out.println("local stack: queue " + src.queueLogicalId() + " -> " + src.functionId() + " ("
                    + Math.max(1, src.concurrency()) + " poller(s), batches of " + src.batchSize() + ")");
        }
        out.println("local stack: sqs " + s.sqsEndpoint() + " (ElasticMQ, in memory) queues "
                + queues.stream().map(SamTemplate.QueueDef::logicalId).toList());
    }

    /**
     * Every function's init (its wiring reads and checks all its settings), as Lambda runs it before the first
     * request: a wrong setting stops the stack here, with the function and the message naming the setting, instead
     * of a 500 on the first request after "ready".
     */
    private void initFunctions(PrintStream out) {
        List<String> problems = new ArrayList<>();
        for (LambdaFunction f : functions.values()) {
            try {
                f.init();
            } catch (LambdaFunction.InvocationException e) {
                problems.add("function " + f.id() + " cannot start: " + e.errorMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure(String.join("\n  ", problems));
        }
        out.println("local stack: " + functions.size() + " functions initialized, settings checked");
    }

    /** The ports this run binds on 127.0.0.1, by the variable that sets each. */
    private static Map<String, Integer> ports(StackSettings s, SamTemplate template) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("API_PORT", s.apiPort());
        if (s.runsSimulator()) {
            ports.put("AXERVE_SIM_PORT", s.simulatorPort());
        }
        if (s.runsDynamoDbLocal()) {
            ports.put("DDB_PORT", s.dynamoDbPort());
        }
        if (!template.queues().isEmpty()) {
            ports.put("SQS_PORT", s.sqsPort());
        }
        return ports;
    }

    /** The default merchant checks the apikey the handlers send, as a real Axerve shop with an apikey does. */
    private static void requireApikey(AxerveSimulator sim, String shopLogin, String apikey)
            throws IOException, InterruptedException {
        String body = Json.write(Map.of("shopLogin", shopLogin, "apikey", apikey, "active", true));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/_sim/merchants/" + shopLogin))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the merchant profile: HTTP " + r.statusCode());
        }
    }

    /** Every part answers before the ready line: the API, the simulator, DynamoDB. */
    private static void awaitReady(StackSettings s, String ddbEndpoint) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> urls = new ArrayList<>(List.of(s.apiBaseUrl() + "/_local/health"));
        if (s.runsSimulator()) {
            urls.add(s.simulatorBaseUrl() + "/_sim/health");
        }
        for (String url : urls) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
        }
        if (ddbEndpoint != null) {
            try (DynamoDbClient ddb = localClient(ddbEndpoint, s.region())) {
                ddb.listTables();
            }
        }
    }

    private static DynamoDbClient localClient(String endpoint, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.out.println("local stack: stopping " + parts.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        functions.values().forEach(LambdaFunction::close);
    }

    private static void fail(String message) {
        System.err.println("local stack: " + message);
        System.exit(2);
    }
}
