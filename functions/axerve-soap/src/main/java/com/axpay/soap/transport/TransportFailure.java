package com.axpay.soap.transport;

import com.axpay.soap.AxerveTransportException.Reason;
import jakarta.xml.ws.WebServiceException;

/**
 * Thrown inside Metro's tube line by our transport, so the client can classify what happened on the wire without
 * parsing Metro's messages. A WebServiceException so Metro lets it through unchanged.
 */
public final class TransportFailure extends WebServiceException {
    private final Reason reason;
    private final int httpStatus;

    public TransportFailure(Reason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
