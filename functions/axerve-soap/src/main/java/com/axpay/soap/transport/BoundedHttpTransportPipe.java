package com.axpay.soap.transport;

import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.transport.http.client.HttpClientTransport;
import com.sun.xml.ws.transport.http.client.HttpTransportPipe;
import java.util.List;
import java.util.Map;

/** Metro's HTTP transport tube, using {@link BoundedHttpClientTransport} for every exchange. */
final class BoundedHttpTransportPipe extends HttpTransportPipe {
    private final Codec codec;
    private final WSBinding binding;
    private final long limit;

    BoundedHttpTransportPipe(Codec codec, WSBinding binding, long limit) {
        super(codec, binding);
        this.codec = codec;
        this.binding = binding;
        this.limit = limit;
    }

    @Override
    protected HttpClientTransport getTransport(Packet request, Map<String, List<String>> headers) {
        return new BoundedHttpClientTransport(request, headers, limit);
    }

    /** Metro copies tubes for concurrent calls; the copy must stay bounded (the parent's copy would not). */
    @Override
    public HttpTransportPipe copy(TubeCloner cloner) {
        BoundedHttpTransportPipe copy = new BoundedHttpTransportPipe(codec.copy(), binding, limit);
        cloner.add(this, copy);
        return copy;
    }
}
