package com.axpay.soap.transport;

import java.net.URI;

/** The in-JVM endpoint SnapStart priming calls (see {@link PrimingConnection}); nothing is sent anywhere. */
public final class PrimingEndpoint {
    private PrimingEndpoint() {
    }

    /** The base URL of the priming endpoint: a reserved {@code .invalid} host the transport answers itself. */
    public static URI baseUrl() {
        return URI.create("http://" + PrimingConnection.HOST);
    }

    /** Priming exchanges completed in this process. */
    public static int exchanges() {
        return PrimingConnection.exchanges();
    }
}
