package com.axpay.soap;

import java.net.URI;
import java.util.Objects;

/** Where the SOAP services and the payment page live. */
public final class AxerveEnvironment {
    static final String CRYPT_PATH = "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
    static final String S2S_PATH = "/gestpay/gestpayws/WSs2s.asmx";
    static final String PAGE_PATH = "/pagam/pagam.aspx";

    private final String name;
    private final URI serviceBase;
    private final URI pageBase;

    private AxerveEnvironment(String name, URI serviceBase, URI pageBase) {
        this.name = name;
        this.serviceBase = serviceBase;
        this.pageBase = pageBase;
    }

    public static AxerveEnvironment sandbox() {
        URI base = URI.create("https://sandbox.gestpay.net");
        return new AxerveEnvironment("sandbox", base, base);
    }

    public static AxerveEnvironment production() {
        return new AxerveEnvironment("production", URI.create("https://ecomms2s.sella.it"),
                URI.create("https://ecomm.sella.it"));
    }

    /** Services and payment page on one base, e.g. the local simulator {@code http://127.0.0.1:8089}. */
    public static AxerveEnvironment custom(URI base) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("Axerve base URL must be an absolute http(s) URL: " + base);
        }
        String s = base.toString();
        URI trimmed = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        return new AxerveEnvironment("custom", trimmed, trimmed);
    }

    /** "sandbox", "production" or "custom". */
    public String name() {
        return name;
    }

    public URI cryptDecryptEndpoint() {
        return URI.create(serviceBase + CRYPT_PATH);
    }

    public URI s2sEndpoint() {
        return URI.create(serviceBase + S2S_PATH);
    }

    public URI paymentPage() {
        return URI.create(pageBase + PAGE_PATH);
    }

    @Override
    public String toString() {
        return name + "(" + serviceBase + ")";
    }
}
