package com.axpay.soap.transport;

import jakarta.xml.ws.WebServiceFeature;

/**
 * Marks a Dispatch as ours: {@link BoundedTransportTubeFactory} then gives it the bounded HTTP transport. Other
 * Metro clients in the same process keep Metro's default transport.
 */
public final class ResponseLimitFeature extends WebServiceFeature {
    public static final String ID = "com.axpay.soap.transport.ResponseLimit";

    private final long maxResponseBytes;

    public ResponseLimitFeature(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.enabled = true;
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public String getID() {
        return ID;
    }
}
