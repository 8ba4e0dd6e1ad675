package com.axpay.simulator;

import java.nio.file.Path;

/** Start-up options of the simulator; immutable, each setter returns a modified copy. */
public final class SimulatorOptions {
    private final String host;
    private final int port;
    private final String positiveUrl;
    private final String negativeUrl;
    private final String s2sUrl;
    private final Path profile;
    private final NotifyOptions notify;
    private final long pendingDelayMs;

    private SimulatorOptions(String host, int port, String positiveUrl, String negativeUrl, String s2sUrl,
                             Path profile, NotifyOptions notify, long pendingDelayMs) {
        this.host = host;
        this.port = port;
        this.positiveUrl = positiveUrl;
        this.negativeUrl = negativeUrl;
        this.s2sUrl = s2sUrl;
        this.profile = profile;
        this.notify = notify;
        this.pendingDelayMs = pendingDelayMs;
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, null, null, null, null, NotifyOptions.defaults(), 2000);
    }

    public SimulatorOptions host(String v) { return new SimulatorOptions(v, port, positiveUrl, negativeUrl, s2sUrl, profile, notify, pendingDelayMs); }
    public SimulatorOptions port(int v) { return new SimulatorOptions(host, v, positiveUrl, negativeUrl, s2sUrl, profile, notify, pendingDelayMs); }
    public SimulatorOptions positiveUrl(String v) { return new SimulatorOptions(host, port, v, negativeUrl, s2sUrl, profile, notify, pendingDelayMs); }
    public SimulatorOptions negativeUrl(String v) { return new SimulatorOptions(host, port, positiveUrl, v, s2sUrl, profile, notify, pendingDelayMs); }
    public SimulatorOptions s2sUrl(String v) { return new SimulatorOptions(host, port, positiveUrl, negativeUrl, v, profile, notify, pendingDelayMs); }
    /** JSON file with the merchant list; replaces the default merchant GESPAY00001. */
    public SimulatorOptions profile(Path v) { return new SimulatorOptions(host, port, positiveUrl, negativeUrl, s2sUrl, v, notify, pendingDelayMs); }
    public SimulatorOptions notifyOptions(NotifyOptions v) { return new SimulatorOptions(host, port, positiveUrl, negativeUrl, s2sUrl, profile, v, pendingDelayMs); }
    /** Time between the XX result of a pending scenario and its final OK/KO. */
    public SimulatorOptions pendingDelayMs(long v) { return new SimulatorOptions(host, port, positiveUrl, negativeUrl, s2sUrl, profile, notify, v); }

    public String host() { return host; }
    public int port() { return port; }
    public String positiveUrl() { return positiveUrl; }
    public String negativeUrl() { return negativeUrl; }
    public String s2sUrl() { return s2sUrl; }
    public Path profile() { return profile; }
    public NotifyOptions notifyOptions() { return notify; }
    public long pendingDelayMs() { return pendingDelayMs; }
}
