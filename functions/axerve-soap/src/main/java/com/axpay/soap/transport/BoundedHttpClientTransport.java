package com.axpay.soap.transport;

import com.axpay.soap.AxerveTransportException.Reason;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.transport.http.client.HttpClientTransport;
import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metro's HTTP exchange plus: a byte limit on the response, and a typed failure for what happens after the request
 * was sent (read timeout, non-SOAP status, wrong content type). Failures before this point are connect failures.
 */
final class BoundedHttpClientTransport extends HttpClientTransport {
    private final long limit;
    private HttpURLConnection connection;
    private volatile int status;

    BoundedHttpClientTransport(Packet packet, Map<String, List<String>> headers, long limit) {
        super(packet, headers);
        this.limit = limit;
    }

    @Override
    protected HttpURLConnection openConnection(Packet packet) {
        try {
            connection = PrimingConnection.HOST.equals(packet.endpointAddress.getURL().getHost())
                    ? new PrimingConnection(packet.endpointAddress.getURL())
                    : (HttpURLConnection) packet.endpointAddress.openConnection();
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void readResponseCodeAndMessage() {
        try {
            super.readResponseCodeAndMessage();
        } catch (WebServiceException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw new TransportFailure(Reason.READ_TIMEOUT, 0, "no response within the read timeout", e);
            }
            throw new TransportFailure(Reason.IO_ERROR, 0, "connection failed while waiting for the response", e);
        }
        status = getStatus();
        if (connection.getContentLengthLong() > limit) {
            connection.disconnect();
            throw new TransportFailure(Reason.OVERSIZED_RESPONSE, status,
                    "response announces " + connection.getContentLengthLong() + " bytes, limit " + limit, null);
        }
        String type = connection.getContentType() == null ? "" : connection.getContentType().toLowerCase(Locale.ROOT);
        boolean soap = type.startsWith("text/xml") || type.startsWith("application/soap+xml");
        if (status != HttpURLConnection.HTTP_OK && !soap) {
            connection.disconnect();
            throw new TransportFailure(Reason.HTTP_STATUS, status, "HTTP " + status + " (" + type + ")", null);
        }
        if (!soap) {
            connection.disconnect();
            throw new TransportFailure(Reason.MALFORMED_RESPONSE, status, "not a SOAP content type: " + type, null);
        }
    }

    private int getStatus() {
        try {
            return connection.getResponseCode();
        } catch (IOException e) {
            throw new TransportFailure(Reason.IO_ERROR, 0, "no HTTP status", e);
        }
    }

    /** The HTTP status of the response, once its head was read (0 before). */
    int status() {
        return status;
    }

    /**
     * The body, bounded; an empty one is refused here, where it is still known to be empty (Metro would fail on it
     * with an unhelpful NullPointerException). The request reached Axerve, so its outcome is unknown.
     */
    @Override
    protected InputStream readResponse() {
        InputStream in = super.readResponse();
        if (in == null) {
            throw emptyBody();
        }
        PushbackInputStream body = new PushbackInputStream(new LimitedInputStream(in, limit, connection::disconnect));
        try {
            int first = body.read();
            if (first < 0) {
                throw emptyBody();
            }
            body.unread(first);
        } catch (IOException e) {
            throw new TransportFailure(Reason.IO_ERROR, status, "connection lost while reading the response", e);
        }
        return body;
    }

    private TransportFailure emptyBody() {
        connection.disconnect();
        return new TransportFailure(Reason.MALFORMED_RESPONSE, status, "HTTP " + status + " with an empty body", null);
    }
}
