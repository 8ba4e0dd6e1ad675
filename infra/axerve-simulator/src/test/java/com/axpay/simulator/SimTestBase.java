package com.axpay.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a simulator and an S2S receiver per test; redirects are inspected, never followed. */
abstract class SimTestBase {
    static final String POSITIVE = "http://127.0.0.1:9/ok";
    static final String NEGATIVE = "http://127.0.0.1:9/ko";
    Receiver receiver;
    AxerveSimulator sim;
    SimClient client;

    @BeforeEach
    void startSimulator() throws Exception {
        receiver = new Receiver();
        sim = AxerveSimulator.start(options());
        client = new SimClient(sim.baseUrl());
    }

    SimulatorOptions options() {
        return SimulatorOptions.defaults().port(0).positiveUrl(POSITIVE).negativeUrl(NEGATIVE).s2sUrl(receiver.url())
                .pendingDelayMs(200).notifyOptions(NotifyOptions.defaults().withRetryIntervalMs(50));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
        receiver.close();
    }

    /** Encrypts and completes the page with a scenario; returns the redirect Location. */
    String payWith(String shopTransactionId, String scenario, String... extra) throws Exception {
        String b = client.encrypt(shopTransactionId, "10.00", extra);
        var resp = client.pay(b, scenario);
        if (resp.statusCode() != 302) throw new AssertionError("expected redirect, got " + resp.statusCode());
        return resp.headers().firstValue("Location").orElseThrow();
    }
}
