package com.axpay.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command line: {@code java -jar axerve-simulator.jar --port P [options]}. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar axerve-simulator.jar --port P [options]
              --port P                    TCP port (0 = any free port)
              --host H                    bind address (default 127.0.0.1)
              --positive-url U            default merchant URL for positive results (OK, XX)
              --negative-url U            default merchant URL for negative results (KO)
              --s2s-url U                 default merchant URL for server-to-server notifications
              --profile FILE              JSON merchant list (replaces the default merchant GESPAY00001)
              --s2s-delay-ms N            delay before the first S2S attempt (default 0)
              --s2s-duplicates N          copies of each S2S notification, sent concurrently (default 1)
              --s2s-reorder               for pending scenarios send the final result before the XX
              --s2s-retry-interval-ms N   wait between S2S attempts on non-2xx (default 1000)
              --s2s-max-retries N         S2S attempts per notification copy (default 5)
              --pending-delay-ms N        time from XX to the final OK/KO of pending scenarios (default 2000)
              --help                      print this text
            """;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        AxerveSimulator sim = AxerveSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        System.out.println("axerve-simulator listening on " + sim.baseUrl());
        stopped.await();
    }

    /** @return null when --help was asked for */
    static SimulatorOptions parse(String[] args) {
        SimulatorOptions o = SimulatorOptions.defaults();
        NotifyOptions n = o.notifyOptions();
        boolean portGiven = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) return null;
            if ("--s2s-reorder".equals(flag)) {
                n = n.withReorder(true);
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + flag);
            String v = args[++i];
            switch (flag) {
                case "--port" -> { o = o.port(number(flag, v, 0, 65535)); portGiven = true; }
                case "--host" -> o = o.host(v);
                case "--positive-url" -> o = o.positiveUrl(v);
                case "--negative-url" -> o = o.negativeUrl(v);
                case "--s2s-url" -> o = o.s2sUrl(v);
                case "--profile" -> o = o.profile(Path.of(v));
                case "--s2s-delay-ms" -> n = n.withDelayMs(number(flag, v, 0, 600_000));
                case "--s2s-duplicates" -> n = n.withDuplicates(number(flag, v, 1, NotifyOptions.MAX_DUPLICATES));
                case "--s2s-retry-interval-ms" -> n = n.withRetryIntervalMs(number(flag, v, 0, 600_000));
                case "--s2s-max-retries" -> n = n.withMaxAttempts(number(flag, v, 1, NotifyOptions.MAX_ATTEMPTS));
                case "--pending-delay-ms" -> o = o.pendingDelayMs(number(flag, v, 0, 3_600_000));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (!portGiven) throw new IllegalArgumentException("--port is required");
        return o.notifyOptions(n);
    }

    private static int number(String flag, String v, int min, int max) {
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) throw new IllegalArgumentException(flag + " must be " + min + ".." + max);
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + v);
        }
    }
}
