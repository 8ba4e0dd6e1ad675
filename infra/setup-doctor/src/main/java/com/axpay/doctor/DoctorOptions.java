package com.axpay.doctor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line, with {@code AXERVE_ENV} and {@code AXERVE_SHOP_LOGIN} as defaults. The apikey is not
 * here on purpose: it is read from {@code AXERVE_APIKEY} only, so it never travels through arguments or toString.
 */
record DoctorOptions(String apiUrl, Path stackOutputs, String env, String shopLogin, List<String> customInfoKeys,
        boolean check, Format format, boolean help) {

    static final String ENV_AXERVE_ENV = "AXERVE_ENV";
    static final String ENV_SHOP_LOGIN = "AXERVE_SHOP_LOGIN";
    static final String ENV_APIKEY = "AXERVE_APIKEY";

    enum Format { TEXT, JSON }

    static final String USAGE = String.join("\n",
            "Usage: doctor (--api-url URL | --stack-outputs FILE) [--env sandbox|production|BASE_URL]",
            "              [--shop-login LOGIN] [--custom-info-keys k1,k2] [--no-check] [--format text|json]",
            "",
            "  --api-url URL            base URL of the stack's HTTP API, e.g. http://127.0.0.1:3000",
            "  --stack-outputs FILE     JSON from: aws cloudformation describe-stacks --stack-name NAME",
            "                           --query 'Stacks[0].Outputs'",
            "  --env ENV                Axerve environment (default: $AXERVE_ENV)",
            "  --shop-login LOGIN       Axerve shop login (default: $AXERVE_SHOP_LOGIN)",
            "  --custom-info-keys KEYS  customInfo keys the storefront sends, comma-separated",
            "  --no-check               only print the settings, do not call Axerve",
            "  --format text|json       output format (default: text)",
            "",
            "The apikey is read from $AXERVE_APIKEY only, never from an argument.",
            "Exit status: 0 check passed or skipped, 2 check failed, 64 bad usage.");

    private static final Set<String> VALUE_FLAGS =
            Set.of("--api-url", "--stack-outputs", "--env", "--shop-login", "--custom-info-keys", "--format");

    static DoctorOptions parse(String[] args, Map<String, String> environment) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean noCheck = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.toLowerCase(Locale.ROOT).matches("--api-?key")) {
                throw new UsageException("the apikey is read from the " + ENV_APIKEY
                        + " environment variable only (an argument would end up in the shell history)");
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
            } else if (name.equals("--no-check") && value == null) {
                noCheck = true;
            } else if (VALUE_FLAGS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else {
                throw new UsageException("unknown argument: " + arg);
            }
        }
        if (help) {
            return new DoctorOptions(null, null, null, null, List.of(), false, Format.TEXT, true);
        }

        String apiUrl = values.get("--api-url");
        String outputs = values.get("--stack-outputs");
        if ((apiUrl == null) == (outputs == null)) {
            throw new UsageException("give exactly one of --api-url and --stack-outputs");
        }
        String env = firstNonBlank(values.get("--env"), environment.get(ENV_AXERVE_ENV));
        if (env == null) {
            throw new UsageException("no Axerve environment: pass --env sandbox|production|BASE_URL or set "
                    + ENV_AXERVE_ENV);
        }
        return new DoctorOptions(apiUrl, outputs == null ? null : Path.of(outputs), env,
                firstNonBlank(values.get("--shop-login"), environment.get(ENV_SHOP_LOGIN)),
                keys(values.get("--custom-info-keys")), !noCheck, format(values.get("--format")), false);
    }

    private static Format format(String v) throws UsageException {
        if (v == null || v.equalsIgnoreCase("text")) {
            return Format.TEXT;
        }
        if (v.equalsIgnoreCase("json")) {
            return Format.JSON;
        }
        throw new UsageException("--format must be text or json");
    }

    private static List<String> keys(String v) {
        if (v == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String k : v.split(",")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        return List.copyOf(keys);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }
}
