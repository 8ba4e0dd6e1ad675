package com.axpay.soap;

/** No usable answer from Axerve. {@link Reason#outcomeUnknown()} says whether the request may have been processed. */
public class AxerveTransportException extends AxerveException {
    /** What went wrong on the wire. */
    public enum Reason {
        /** Connection refused, host unknown, TLS handshake failed: the request was not delivered. */
        CONNECT_FAILED(false),
        CONNECT_TIMEOUT(false),
        /** Sent, but no answer within the read timeout. */
        READ_TIMEOUT(true),
        /** An HTTP status other than 200 without a SOAP fault (e.g. an IIS error page). */
        HTTP_STATUS(true),
        SOAP_FAULT(true),
        /** Not XML, not SOAP, not the expected payload, or XML with a DTD / entities (refused). */
        MALFORMED_RESPONSE(true),
        /** Larger than {@link AxerveConfig#maxResponseBytes()}; reading stopped at the limit. */
        OVERSIZED_RESPONSE(true),
        /** Connection lost after the request was sent. */
        IO_ERROR(true);

        private final boolean outcomeUnknown;

        Reason(boolean outcomeUnknown) {
            this.outcomeUnknown = outcomeUnknown;
        }

        public boolean outcomeUnknown() {
            return outcomeUnknown;
        }
    }

    private final Reason reason;
    private final int httpStatus;

    public AxerveTransportException(String operation, Reason reason, int httpStatus, String detail, Throwable cause) {
        super(operation, null, detail, null, reason + ": " + detail, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status when one was received, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A 4xx means the server refused the request before processing it; everything else follows the reason. */
    @Override
    public boolean outcomeUnknown() {
        if (reason == Reason.HTTP_STATUS && httpStatus >= 400 && httpStatus < 500) {
            return false;
        }
        return reason.outcomeUnknown();
    }
}
