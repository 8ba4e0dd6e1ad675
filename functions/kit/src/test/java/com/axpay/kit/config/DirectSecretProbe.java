package com.axpay.kit.config;

import java.util.Map;

/**
 * Run in a child JVM by {@link LambdaSecretSourceTest} with the environment a SnapStart function gets (container
 * credentials, no session token), which a test cannot set in its own process. Prints the path taken, then one line
 * per secret id: {@code ok <value>} or {@code error <message>}. The values are the test's made-up ones.
 */
public final class DirectSecretProbe {

    private DirectSecretProbe() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        LambdaSecretSource source = LambdaSecretSource.fromEnvironment(env);
        System.out.println(source.usesExtension() ? "path extension" : "path direct");
        for (String id : args) {
            try {
                System.out.println("ok " + source.secret(id));
            } catch (ConfigurationException e) {
                System.out.println("error " + e.getMessage());
            }
        }
        System.out.flush();
    }
}
