package com.axpay.doctor;

/** Command-line entry point of the shaded jar; all behaviour lives in {@link SetupDoctor}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SetupDoctor.run(args, System.getenv(), System.out, System.err));
    }
}
