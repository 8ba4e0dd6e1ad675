package com.axpay.soap;

import java.util.Map;

/** callRefundS2S (partial refunds allowed); both ids are required, refundReason at most 50 characters. */
public final class RefundRequest extends AxerveRequest {
    private RefundRequest(Map<String, Object> values) {
        super(AxerveOperation.REFUND, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends AmountBuilder<RefundRequest, Builder> {
        private Builder() {
            super(AxerveOperation.REFUND, RefundRequest::new);
        }

        public Builder bankTransactionId(String bankTransactionId) {
            return set("bankTransactionId", bankTransactionId);
        }

        public Builder refundReason(String refundReason) {
            return set("refundReason", refundReason);
        }

        /** Sent as Y/N. */
        public Builder chargeBackFraud(boolean chargeBackFraud) {
            return set("chargeBackFraud", chargeBackFraud ? "Y" : "N");
        }
    }
}
