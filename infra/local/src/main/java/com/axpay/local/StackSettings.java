package com.axpay.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local stack's own settings, from environment variables (the README's table). A default run touches nothing
 * outside this machine: the Axerve simulator and DynamoDB Local. Real Axerve sandbox and real DynamoDB are explicit
 * switches ({@code AXERVE_ENV=sandbox}, {@code DDB_MODE=aws}).
 */
public record StackSettings(int apiPort, int simulatorPort, int dynamoDbPort, DynamoDbMode dynamoDbMode,
                            String dynamoDbEndpoint, Path dynamoDbDataDir, String axerveEnv, String shopLogin,
                            String apikey, String storefrontApiKey, String region, Path template,
                            boolean schedulesOn, int sqsPort, Path clockFile) {

    public static final String DEFAULT_STOREFRONT_KEY = "local-storefront-key";
    public static final String SIMULATOR_SHOP_LOGIN = "GESPAY00001";
    /** The apikey the simulator's merchant is given (and checks) in the default run. */
    public static final String SIMULATOR_APIKEY = "local-simulator-apikey";
    static final String STACK_NAME = "axpay-local";
    static final String AXERVE_ENV_SETTING = "LOCAL_STACK_AXERVE_ENV";

    public enum DynamoDbMode { LOCAL, AWS }

    /** Reads the settings; {@code dataDirOption} is {@code --data-dir} (wins over DDB_DATA_DIR), or null. */
    public static StackSettings from(Map<String, String> env, Path dataDirOption) {
        List<String> problems = new ArrayList<>();
        int api = port(env, "API_PORT", 3000, problems);
        int sim = port(env, "AXERVE_SIM_PORT", 3001, problems);
        int ddb = port(env, "DDB_PORT", 8000, problems);
        int sqs = port(env, "SQS_PORT", 9324, problems);

        String modeText = value(env, "DDB_MODE", "local").toLowerCase(Locale.ROOT);
        DynamoDbMode mode = switch (modeText) {
            case "local" -> DynamoDbMode.LOCAL;
            case "aws" -> DynamoDbMode.AWS;
            default -> {
                problems.add("DDB_MODE must be local or aws, got '" + modeText + "'");
                yield DynamoDbMode.LOCAL;
            }
        };
        String endpoint = value(env, "DDB_ENDPOINT", null);
        if (mode == DynamoDbMode.AWS && endpoint != null) {
            problems.add("DDB_ENDPOINT must be unset with DDB_MODE=aws (real DynamoDB uses the AWS endpoint)");
        }
        String dataDirText = value(env, "DDB_DATA_DIR", null);
        Path dataDir = dataDirOption != null ? dataDirOption : dataDirText == null ? null : Path.of(dataDirText);

        // AXERVE_ENV is both the stack's setting and the handlers' variable: once run has exported the handlers'
        // value (the simulator's URL), the setting it came from is read back from AXERVE_ENV_SETTING
        String axerveEnv = value(env, AXERVE_ENV_SETTING, value(env, "AXERVE_ENV", "simulator"));
        boolean simulator = axerveEnv.equals("simulator");
        if (axerveEnv.equals("production")) {
            problems.add("AXERVE_ENV=production is not allowed in the local stack: use sandbox");
        }
        String shopLogin = value(env, "AXERVE_SHOP_LOGIN", simulator ? SIMULATOR_SHOP_LOGIN : null);
        String apikey = value(env, "AXERVE_APIKEY", simulator ? SIMULATOR_APIKEY : null);
        if (!simulator && shopLogin == null) {
            problems.add("AXERVE_SHOP_LOGIN is required with AXERVE_ENV=" + axerveEnv);
        }
        if (!simulator && apikey == null) {
            problems.add("AXERVE_APIKEY is required with AXERVE_ENV=" + axerveEnv);
        }
        String schedules = value(env, "LOCAL_SCHEDULES", "on");
        if (!schedules.equals("on") && !schedules.equals("off")) {
            problems.add("LOCAL_SCHEDULES must be on or off, got '" + schedules + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid local stack settings: " + String.join("; ", problems));
        }
        return new StackSettings(api, sim, ddb, mode, endpoint, dataDir, axerveEnv, shopLogin, apikey,
                value(env, "STOREFRONT_API_KEY", DEFAULT_STOREFRONT_KEY), value(env, "AWS_REGION", "eu-south-1"),
                Path.of(value(env, "LOCAL_TEMPLATE", "template.yaml")), schedules.equals("on"), sqs,
                clockFile(env, api));
    }

    /**
     * The test clock's offset file ({@code LOCAL_CLOCK_FILE}, else one per API port under the temp directory): the
     * same path for {@code --print-env} and for the stack it then starts.
     */
    private static Path clockFile(Map<String, String> env, int apiPort) {
        String f = value(env, "LOCAL_CLOCK_FILE", null);
        return f != null ? Path.of(f)
                : Path.of(System.getProperty("java.io.tmpdir"), "axpay-local-" + apiPort, "clock");
    }

    /** ElasticMQ, the stack's SQS. */
    public String sqsEndpoint() {
        return "http://127.0.0.1:" + sqsPort;
    }

    public boolean runsSimulator() {
        return axerveEnv.equals("simulator");
    }

    /** DynamoDB Local is started in-process unless another endpoint is given or real DynamoDB is asked for. */
    public boolean runsDynamoDbLocal() {
        return dynamoDbMode == DynamoDbMode.LOCAL && dynamoDbEndpoint == null;
    }

    public String apiBaseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String simulatorBaseUrl() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    /** The endpoint handlers and the stack use; null for real DynamoDB. */
    public String effectiveDynamoDbEndpoint() {
        if (dynamoDbMode == DynamoDbMode.AWS) {
            return null;
        }
        return dynamoDbEndpoint != null ? dynamoDbEndpoint : "http://127.0.0.1:" + dynamoDbPort;
    }

    /** The demo storefront's result page: the return URL the stack allows and starts payments with. */
    public String demoResultUrl() {
        return apiBaseUrl() + DemoStorefront.RESULT_PATH;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int port(Map<String, String> env, String name, int fallback, List<String> problems) {
        String v = value(env, name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(v);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a TCP port (1-65535), got '" + v + "'");
        return fallback;
    }
}
