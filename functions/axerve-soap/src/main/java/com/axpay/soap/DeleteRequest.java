package com.axpay.soap;

import java.util.Map;

/** callDeleteS2S (void an authorization): at least one of the two ids; cancelReason at most 50 characters. */
public final class DeleteRequest extends AxerveRequest {
    private DeleteRequest(Map<String, Object> values) {
        super(AxerveOperation.DELETE, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends AxerveRequest.Builder<DeleteRequest, Builder> {
        private Builder() {
            super(AxerveOperation.DELETE, DeleteRequest::new);
        }

        public Builder bankTransactionId(String bankTransactionId) {
            return set("bankTransactionId", bankTransactionId);
        }

        public Builder cancelReason(String cancelReason) {
            return set("cancelReason", cancelReason);
        }
    }
}
