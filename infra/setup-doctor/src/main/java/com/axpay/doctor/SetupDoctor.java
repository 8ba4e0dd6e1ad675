package com.axpay.doctor;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The setup doctor: prints what to enter in Amazon Pay Seller Central and the Axerve Back Office for one stack and
 * environment, then checks the Axerve credentials with a harmless Encrypt and explains a failure.
 */
public final class SetupDoctor {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 2;
    public static final int EXIT_USAGE = 64;

    private SetupDoctor() {
    }

    /**
     * Runs the command as {@link Main} does, with the environment and streams passed in (so tests run it in-process).
     *
     * @param env the process environment: AXERVE_ENV, AXERVE_SHOP_LOGIN and AXERVE_APIKEY are read from it
     * @return the exit status: 0 check passed or skipped, 2 check failed, 64 bad usage
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Clock.systemUTC());
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        Report report;
        DoctorOptions options;
        try {
            options = DoctorOptions.parse(args, env);
            if (options.help()) {
                out.println(DoctorOptions.USAGE);
                return EXIT_OK;
            }
            report = diagnose(options, apikey(env), clock);
        } catch (UsageException e) {
            err.println("doctor: " + e.getMessage());
            err.println();
            err.println(DoctorOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.format() == DoctorOptions.Format.JSON) {
            JsonReport.print(report, out);
        } else {
            TextReport.print(report, out);
        }
        out.flush();
        return report.check().status() == CheckResult.Status.FAILED ? EXIT_CHECK_FAILED : EXIT_OK;
    }

    private static Report diagnose(DoctorOptions o, String apikey, Clock clock) throws UsageException {
        AxerveTarget target = AxerveTarget.parse(o.env());
        StackUrls stack = o.apiUrl() != null ? StackUrls.fromApiUrl(o.apiUrl())
                : StackUrls.fromStackOutputs(o.stackOutputs());
        List<String> warnings = StackWarnings.of(target, stack, o.shopLogin(), o.customInfoKeys());
        List<Report.Section> sections =
                SetupGuide.sections(target, stack, o.shopLogin(), apikey != null, o.customInfoKeys());
        CheckResult check = o.check() ? new CredentialCheck(clock).run(target, o.shopLogin(), apikey)
                : CheckResult.skipped("Skipped (--no-check): Axerve was not called.");
        return new Report(new Report.Axerve(target.name(), target.baseUrl(),
                target.environment().cryptDecryptEndpoint().toString()), stack, o.shopLogin(), apikey != null,
                warnings, sections, check);
    }

    /** Blank counts as unset, as in the stack's own configuration. */
    private static String apikey(Map<String, String> env) {
        String key = env.get(DoctorOptions.ENV_APIKEY);
        return key == null || key.isBlank() ? null : key.strip();
    }
}
