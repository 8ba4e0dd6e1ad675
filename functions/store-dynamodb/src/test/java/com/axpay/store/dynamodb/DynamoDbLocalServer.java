package com.axpay.store.dynamodb;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * One in-memory DynamoDB Local server per test JVM, on a free 127.0.0.1 port, reached over the SDK's real HTTP path.
 * Stopped when the JUnit root context closes.
 */
public final class DynamoDbLocalServer implements BeforeAllCallback {

    private static final String KEY = DynamoDbLocalServer.class.getName();
    private static volatile URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Running.class);
        endpoint = running.endpoint;
    }

    /** The endpoint of the running server; valid in and after {@code @BeforeAll} of a class using this extension. */
    public static URI endpoint() {
        return endpoint;
    }

    private static Running start() {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new Running(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    private record Running(DynamoDBProxyServer server, URI endpoint)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
