package com.axpay.bench;

import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.soap.EncryptRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold-start probe: builds a client for the base URL in args[0] (the simulator on 127.0.0.1), does one Encrypt and
 * prints the milliseconds from {@code -Dt0=<epoch ms>} (taken just before {@code java}) to the client being built
 * and to the Encrypt being answered, and the CPU time the main thread spent from the start of {@code main} to the
 * answer ({@code /proc/thread-self/schedstat}, -1 where there is none): on a loaded machine the wall times swing
 * by seconds, the work on the thread much less.
 */
public final class FirstEncrypt {
    private FirstEncrypt() {
    }

    public static void main(String[] args) {
        String t0Property = System.getProperty("t0");
        if (args.length < 1 || t0Property == null) {
            System.err.println("usage: java -Dt0=<epoch ms> ... FirstEncrypt <base URL> [shopLogin]");
            System.exit(2);
        }
        long t0 = Long.parseLong(t0Property);
        long cpu0 = threadCpuNanos();
        AxerveClient client = AxerveClient.create(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(URI.create(args[0])))
                .shopLogin(args.length > 1 ? args[1] : "GESPAY00001").build());
        long built = System.currentTimeMillis();
        client.encrypt(EncryptRequest.builder().uicCode("242").amount("10.00")
                .shopTransactionId("bench-" + System.nanoTime()).paymentType("AMAZONPAY").build());
        long done = System.currentTimeMillis();
        long cpu = threadCpuNanos();
        System.out.println("client_ready_ms=" + (built - t0) + " first_encrypt_ms=" + (done - t0) + " main_cpu_ms="
                + (cpu < 0 || cpu0 < 0 ? -1 : (cpu - cpu0) / 1_000_000));
    }

    /** Nanoseconds this thread has run on a CPU (Linux), or -1. */
    private static long threadCpuNanos() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).split(" ")[0]);
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }
}
