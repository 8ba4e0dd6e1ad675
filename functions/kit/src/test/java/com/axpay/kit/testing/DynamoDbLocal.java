package com.axpay.kit.testing;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * One in-memory DynamoDB Local server per test JVM on a free 127.0.0.1 port, reached through the SDK's real HTTP
 * path. Classes share it and keep apart by table name; a shutdown hook stops it with the JVM.
 */
public final class DynamoDbLocal {

    private static URI endpoint;

    private DynamoDbLocal() {
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static URI start() {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting anyway
                }
            }));
            return URI.create("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new IllegalStateException("no free port for DynamoDB Local", e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }
}
