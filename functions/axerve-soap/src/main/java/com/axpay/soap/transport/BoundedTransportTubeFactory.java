package com.axpay.soap.transport;

import com.sun.xml.ws.api.pipe.ClientTubeAssemblerContext;
import com.sun.xml.ws.api.pipe.TransportTubeFactory;
import com.sun.xml.ws.api.pipe.Tube;
import java.util.Locale;

/**
 * Registered in META-INF/services; Metro asks it for the transport of every client. Answers only for Dispatches
 * carrying {@link ResponseLimitFeature} over http(s), and returns null (Metro's default) for everything else.
 */
public final class BoundedTransportTubeFactory extends TransportTubeFactory {
    @Override
    public Tube doCreate(ClientTubeAssemblerContext context) {
        ResponseLimitFeature limit = context.getBinding().getFeature(ResponseLimitFeature.class);
        String scheme = context.getAddress().getURI().getScheme().toLowerCase(Locale.ROOT);
        if (limit == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        return new BoundedHttpTransportPipe(context.getCodec(), context.getBinding(), limit.maxResponseBytes());
    }
}
