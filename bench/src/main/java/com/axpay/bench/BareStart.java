package com.axpay.bench;

/** The JVM floor: prints the milliseconds from {@code -Dt0=<epoch ms>} (taken just before {@code java}) to main. */
public final class BareStart {
    private BareStart() {
    }

    public static void main(String[] args) {
        long t0 = Long.parseLong(System.getProperty("t0", String.valueOf(System.currentTimeMillis())));
        System.out.println("bare_start_ms=" + (System.currentTimeMillis() - t0));
    }
}
