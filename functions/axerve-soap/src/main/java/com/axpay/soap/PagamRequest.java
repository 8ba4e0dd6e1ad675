package com.axpay.soap;

import java.util.Map;

/**
 * callPagamS2S for a token (recurring) or Amazon Order Reference ({@code transKey}) payment; card data is
 * deliberately not supported.
 */
public final class PagamRequest extends AxerveRequest {
    private PagamRequest(Map<String, Object> values) {
        super(AxerveOperation.PAGAM, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends PaymentBuilder<PagamRequest, Builder> {
        private Builder() {
            super(AxerveOperation.PAGAM, PagamRequest::new);
        }

        /** 3-D Secure transaction id, or for Amazon Pay the Amazon Order Reference ID. */
        public Builder transKey(String transKey) {
            return set("transKey", transKey);
        }

        public Builder tokenValue(String tokenValue) {
            return set("tokenValue", tokenValue);
        }

        public Builder clientIP(String clientIP) {
            return set("clientIP", clientIP);
        }

        public Builder recurrent(boolean recurrent) {
            return set("recurrent", String.valueOf(recurrent));
        }
    }
}
