package com.axpay.soap;

import java.util.Map;

/** callSettleS2S (capture of a deferred authorization): at least one of the two ids. */
public final class SettleRequest extends AxerveRequest {
    private SettleRequest(Map<String, Object> values) {
        super(AxerveOperation.SETTLE, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends AmountBuilder<SettleRequest, Builder> {
        private Builder() {
            super(AxerveOperation.SETTLE, SettleRequest::new);
        }

        public Builder bankTransactionId(String bankTransactionId) {
            return set("bankTransactionId", bankTransactionId);
        }
    }
}
