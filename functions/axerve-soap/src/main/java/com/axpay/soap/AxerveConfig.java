package com.axpay.soap;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Immutable client settings. {@link #toString()} never shows the apikey. */
public final class AxerveConfig {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

    private final AxerveEnvironment environment;
    private final String shopLogin;
    private final Supplier<String> apikey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxResponseBytes;

    private AxerveConfig(Builder b) {
        environment = Objects.requireNonNull(b.environment, "environment");
        if (b.shopLogin == null || b.shopLogin.isBlank()) {
            throw new IllegalArgumentException("shopLogin is required");
        }
        shopLogin = b.shopLogin.trim();
        apikey = b.apikey;
        connectTimeout = positive("connectTimeout", b.connectTimeout);
        readTimeout = positive("readTimeout", b.readTimeout);
        if (b.maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
        maxResponseBytes = b.maxResponseBytes;
    }

    private static Duration positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return d;
    }

    public static Builder builder() {
        return new Builder();
    }

    public AxerveEnvironment environment() {
        return environment;
    }

    public String shopLogin() {
        return shopLogin;
    }

    /**
     * The apikey sent with a call, asked of its supplier at each call (a secret read on first use and refreshed
     * after rotation); null when Axerve authenticates this shop by IP only. A supplier's exception propagates.
     */
    public String apikey() {
        if (apikey == null) {
            return null;
        }
        String v = apikey.get();
        return v == null || v.isBlank() ? null : v.trim();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public String toString() {
        return "AxerveConfig[environment=" + environment + ", shopLogin=" + shopLogin + ", apikey="
                + (apikey == null ? "none" : "set") + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /** Defaults: 3 s connect, 8 s read (well under API Gateway's 30 s), 1 MiB responses, no apikey. */
    public static final class Builder {
        private AxerveEnvironment environment;
        private String shopLogin;
        private Supplier<String> apikey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        public Builder environment(AxerveEnvironment environment) {
            this.environment = environment;
            return this;
        }

        public Builder shopLogin(String shopLogin) {
            this.shopLogin = shopLogin;
            return this;
        }

        /** Sent as the {@code apikey} body element of every call; null or blank = not sent. */
        public Builder apikey(String apikey) {
            String v = apikey == null || apikey.isBlank() ? null : apikey.trim();
            this.apikey = v == null ? null : () -> v;
            return this;
        }

        /** The apikey, asked of {@code supplier} at each call (never at build time); null = not sent. */
        public Builder apikey(Supplier<String> supplier) {
            this.apikey = supplier;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public AxerveConfig build() {
            return new AxerveConfig(this);
        }
    }
}
