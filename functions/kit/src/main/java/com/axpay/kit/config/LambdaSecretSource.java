package com.axpay.kit.config;

import java.util.Map;
import java.util.Objects;

/**
 * The secret source of a function in AWS: through the Parameters and Secrets extension when the runtime gives the
 * function {@code AWS_SESSION_TOKEN} (the extension authenticates callers with it), else with GetSecretValue directly.
 * SnapStart functions (all of ours) get no session token, only container credentials
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), and the extension then refuses every read: they take the direct path.
 * Decided at each read from the environment the function was started with; each path is built on first use.
 */
public final class LambdaSecretSource implements SecretSource {

    private final Map<String, String> env;
    private SecretSource extension;
    private SecretSource direct;

    private LambdaSecretSource(Map<String, String> env) {
        this.env = Objects.requireNonNull(env);
    }

    public static LambdaSecretSource fromEnvironment(Map<String, String> env) {
        return new LambdaSecretSource(env);
    }

    /** Whether reads go through the extension (a session token is set) rather than straight to Secrets Manager. */
    public boolean usesExtension() {
        String token = env.get(SecretsExtensionClient.ENV_SESSION_TOKEN);
        return token != null && !token.isBlank();
    }

    @Override
    public String secret(String secretId) {
        return path().secret(secretId);
    }

    private synchronized SecretSource path() {
        if (usesExtension()) {
            if (extension == null) {
                extension = SecretsExtensionClient.fromEnvironment(env);
            }
            return extension;
        }
        if (direct == null) {
            direct = SecretsManagerDirectClient.fromEnvironment(env);
        }
        return direct;
    }
}
