package com.axpay.kit.config;

import java.util.Map;
import java.util.Objects;

/**
 * The secret source of a function in AWS: through the Parameters and Secrets extension when the runtime gives the
 * function {@code AWS_SESSION_TOKEN} (the extension authenticates callers with it) and the extension's layer is
 * attached, else with GetSecretValue directly. SnapStart functions (all of ours) get no session token, only container
 * credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), and the extension then refuses every read: they take the
 * direct path. The template attaches the layer only when the deployer gives one, and says so in
 * {@value #ENV_EXTENSION} ({@code none} without it), so a function whose SnapStart is off reads directly too.
 * Decided at each read from the environment the function was started with; each path is built on first use.
 */
public final class LambdaSecretSource implements SecretSource {

    /** {@code none} when no extension layer is attached: every read is direct. */
    public static final String ENV_EXTENSION = "SECRETS_EXTENSION";

    private final Map<String, String> env;
    private SecretSource extension;
    private SecretSource direct;

    private LambdaSecretSource(Map<String, String> env) {
        this.env = Objects.requireNonNull(env);
    }

    public static LambdaSecretSource fromEnvironment(Map<String, String> env) {
        return new LambdaSecretSource(env);
    }

    /**
     * Whether reads go through the extension (a session token is set and a layer is attached) rather than straight
     * to Secrets Manager.
     */
    public boolean usesExtension() {
        String token = env.get(SecretsExtensionClient.ENV_SESSION_TOKEN);
        return token != null && !token.isBlank() && !"none".equals(env.get(ENV_EXTENSION));
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
