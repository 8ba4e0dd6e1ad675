package com.axpay.kit.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads secrets through the AWS Parameters and Secrets Lambda Extension (its HTTP server on localhost), so no
 * Secrets Manager SDK client is built on the cold path. Authenticated with the function's session token, as the
 * extension requires, looked up at each call (not at init). The extension serves only during INVOKE: callers read
 * on first use through {@link Secret}, never in a constructor.
 */
public final class SecretsExtensionClient implements SecretSource {

    /** The extension's own settings: its port (default 2773). */
    public static final String ENV_PORT = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    public static final String ENV_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final int DEFAULT_PORT = 2773;
    private static final int TIMEOUT_MS = 3000;

    private final String host;
    private final int port;
    private final Supplier<String> sessionToken;

    public SecretsExtensionClient(String host, int port, Supplier<String> sessionToken) {
        this.host = host;
        this.port = port;
        this.sessionToken = sessionToken;
    }

    /** The extension as Lambda runs it: localhost, the configured port, the session token of the environment. */
    public static SecretsExtensionClient fromEnvironment(Map<String, String> env) {
        String port = env.get(ENV_PORT);
        int p;
        try {
            p = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(ENV_PORT + " must be a port number");
        }
        return new SecretsExtensionClient("localhost", p, () -> env.get(ENV_SESSION_TOKEN));
    }

    @Override
    public String secret(String secretId) {
        String token = sessionToken.get();
        if (token == null || token.isBlank()) {
            throw new ConfigurationException(ENV_SESSION_TOKEN + " is not set: the secrets extension needs it");
        }
        try {
            URL url = new URL("http", host, port,
                    "/secretsmanager/get?secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
            int status = c.getResponseCode();
            if (status != 200) {
                c.disconnect();
                throw new ConfigurationException("secrets extension answered HTTP " + status + " for " + secretId);
            }
            try (InputStream in = c.getInputStream()) {
                return SecretSource.secretString(in, secretId);
            }
        } catch (IOException e) {
            throw new ConfigurationException("secrets extension unreachable on port " + port + " for " + secretId, e);
        }
    }
}
