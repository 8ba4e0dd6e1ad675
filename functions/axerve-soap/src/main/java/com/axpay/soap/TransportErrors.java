package com.axpay.soap;

import com.axpay.soap.AxerveTransportException.Reason;
import com.axpay.soap.transport.TransportFailure;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Turns whatever Metro threw into an {@link AxerveTransportException}. Everything after the request was sent comes
 * as a {@link TransportFailure} from our transport, so a bare socket error here happened while connecting.
 */
final class TransportErrors {
    private TransportErrors() {
    }

    static AxerveTransportException classify(String operation, RuntimeException thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof TransportFailure f) {
                return new AxerveTransportException(operation, f.reason(), f.httpStatus(), f.getMessage(), thrown);
            }
            if (t instanceof SOAPFaultException f) {
                String detail = "SOAP fault " + f.getFault().getFaultCode() + ": " + f.getFault().getFaultString();
                return new AxerveTransportException(operation, Reason.SOAP_FAULT, 0, detail, thrown);
            }
            if (t instanceof SocketTimeoutException) {
                return new AxerveTransportException(operation, Reason.CONNECT_TIMEOUT, 0, "connect timed out", thrown);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLException) {
                return new AxerveTransportException(operation, Reason.CONNECT_FAILED, 0,
                        "cannot connect: " + t.getClass().getSimpleName(), thrown);
            }
        }
        return new AxerveTransportException(operation, Reason.MALFORMED_RESPONSE, 0,
                "unreadable response: " + rootMessage(thrown), thrown);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
