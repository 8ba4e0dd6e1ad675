package com.axpay.soap.transport;

import com.axpay.soap.AxerveTransportException.Reason;
import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.transport.http.client.HttpClientTransport;
import com.sun.xml.ws.transport.http.client.HttpTransportPipe;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

/** Metro's HTTP transport tube, using {@link BoundedHttpClientTransport} for every exchange. */
final class BoundedHttpTransportPipe extends HttpTransportPipe {
    private final Codec codec;
    private final WSBinding binding;
    private final long limit;
    /** This tube copy's current exchange: Metro runs one call at a time through a copy. */
    private BoundedHttpClientTransport exchange;

    BoundedHttpTransportPipe(Codec codec, WSBinding binding, long limit) {
        super(codec, binding);
        this.codec = codec;
        this.binding = binding;
        this.limit = limit;
    }

    @Override
    protected HttpClientTransport getTransport(Packet request, Map<String, List<String>> headers) {
        exchange = new BoundedHttpClientTransport(request, headers, limit);
        return exchange;
    }

    /**
     * Metro decodes a non-200 SOAP response as an answer; only a fault is one. Any other message with an error
     * status (e.g. an ordinary result under HTTP 500) is not a usable answer, whatever it says.
     */
    @Override
    public Packet process(Packet request) {
        Packet response = super.process(request);
        int status = exchange == null ? 0 : exchange.status();
        if (status != 0 && status != HttpURLConnection.HTTP_OK && response.getMessage() != null
                && !response.getMessage().isFault()) {
            throw new TransportFailure(Reason.HTTP_STATUS, status,
                    "HTTP " + status + " with a SOAP body that is not a fault", null);
        }
        return response;
    }

    /** Metro copies tubes for concurrent calls; the copy must stay bounded (the parent's copy would not). */
    @Override
    public HttpTransportPipe copy(TubeCloner cloner) {
        BoundedHttpTransportPipe copy = new BoundedHttpTransportPipe(codec.copy(), binding, limit);
        cloner.add(this, copy);
        return copy;
    }
}
