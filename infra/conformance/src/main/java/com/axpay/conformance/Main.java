package com.axpay.conformance;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code infra/conformance/run [--target URL --shop LOGIN [--deferred-shop LOGIN] [--no-buyer]] [--out DIR]}.
 * Without --target it starts a simulator as the target. The apikey is read from AXERVE_APIKEY (and
 * AXERVE_DEFERRED_APIKEY), never from the command line. Exit 0: no difference; 1: differences; 2: bad usage.
 */
public final class Main {
    static final String USAGE = """
            usage: infra/conformance/run [--out DIR]
                   AXERVE_APIKEY=<key> infra/conformance/run --target https://sandbox.gestpay.net --shop <shopLogin>
                       [--deferred-shop <shopLogin with separate capture>] [--no-buyer] [--out DIR]
              --target URL        Axerve's base URL (no path); without it a local simulator is the target
              --shop LOGIN        the shop login (the apikey comes from $AXERVE_APIKEY, if the shop uses one)
              --deferred-shop L   a second shop with separate authorization and capture ($AXERVE_DEFERRED_APIKEY)
              --no-buyer          skip the buyer's part instead of waiting for a person to pay
              --out DIR           where report.md and report.json go (default: conformance-report)
            """;

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv("AXERVE_APIKEY"), System.getenv("AXERVE_DEFERRED_APIKEY"),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out));
    }

    static int run(String[] args, String apikey, String deferredApikey, BufferedReader in, PrintStream out)
            throws Exception {
        String targetUrl = null;
        String shop = null;
        String deferredShop = null;
        boolean noBuyer = false;
        Path outDir = Path.of("conformance-report");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--target" -> targetUrl = stripSlash(args[++i]);
                    case "--shop" -> shop = args[++i];
                    case "--deferred-shop" -> deferredShop = args[++i];
                    case "--no-buyer" -> noBuyer = true;
                    case "--out" -> outDir = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (targetUrl != null && shop == null) throw new IllegalArgumentException("--target needs --shop");
            if (targetUrl == null && (shop != null || deferredShop != null)) {
                throw new IllegalArgumentException("--shop and --deferred-shop need --target");
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            out.println("conformance: " + (e.getMessage() == null ? "missing value" : e.getMessage()));
            out.print(USAGE);
            return 2;
        }
        SoapCaller caller = new SoapCaller();
        List<AxerveSimulator> started = new ArrayList<>();
        try {
            Target target;
            if (targetUrl == null) {
                AxerveSimulator sim = startSimulator(started, AxerveSimulator.DEFAULT_SHOP_LOGIN, null, "GESPAY00002", null);
                target = new Target("a local Axerve simulator", sim.baseUrl(), AxerveSimulator.DEFAULT_SHOP_LOGIN, null,
                        "GESPAY00002", null, Buyers.simulated(caller));
            } else {
                String dk = deferredApikey != null ? deferredApikey : apikey;
                target = new Target(targetUrl, targetUrl, shop, blankToNull(apikey), deferredShop,
                        deferredShop == null ? null : blankToNull(dk),
                        noBuyer ? (t, s, c, sc) -> null : Buyers.person(in, out));
            }
            AxerveSimulator ref = startSimulator(started, target.shopLogin(), target.apikey(),
                    target.deferredShopLogin(), target.deferredApikey());
            Target reference = new Target("simulator", ref.baseUrl(), target.shopLogin(), target.apikey(),
                    target.deferredShopLogin(), target.deferredApikey(), Buyers.simulated(caller));
            String prefix = "CF" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
            out.println("conformance: target " + target.name() + ", run prefix " + prefix);
            List<ConformanceRun.StepResult> steps = new ConformanceRun(caller, out).run(target, reference, prefix);
            List<ConformanceRun.ConventionResult> conventions = ConformanceRun.conventions(steps);
            Report.write(outDir, target.name(), prefix, steps, conventions);
            long differing = steps.stream().filter(s -> s.verdict() == ConformanceRun.Verdict.DIFFERENT).count();
            out.println("conformance: " + ConformanceRun.summary(steps) + "; report in "
                    + outDir.resolve("report.md").toAbsolutePath());
            return differing == 0 ? 0 : 1;
        } finally {
            started.forEach(AxerveSimulator::close);
        }
    }

    /** A loopback simulator with the shop (and the separate-capture shop) configured like the target's. */
    private static AxerveSimulator startSimulator(List<AxerveSimulator> started, String shop, String apikey,
                                                  String deferredShop, String deferredApikey) throws Exception {
        AxerveSimulator sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                .positiveUrl("http://127.0.0.1:9/ok").negativeUrl("http://127.0.0.1:9/ko"));
        started.add(sim);
        putMerchant(sim, shop, apikey, "immediate");
        if (deferredShop != null) putMerchant(sim, deferredShop, deferredApikey, "deferred");
        return sim;
    }

    private static void putMerchant(AxerveSimulator sim, String shop, String apikey, String captureMode)
            throws Exception {
        String body = "{\"apikey\":" + (apikey == null ? "null" : json(apikey)) + ",\"captureMode\":\"" + captureMode
                + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/_sim/merchants/" + shop)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("simulator refused the merchant: " + r.body());
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
