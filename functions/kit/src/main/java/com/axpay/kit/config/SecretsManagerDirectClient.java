package com.axpay.kit.config;

import com.fasterxml.jackson.jr.ob.JSON;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads a secret with Secrets Manager's GetSecretValue API directly, signed with SigV4 by the AWS SDK's own signer.
 * For SnapStart functions: Lambda gives them container credentials instead of {@code AWS_SESSION_TOKEN}, and the
 * Parameters and Secrets extension refuses callers without that token. Built without the Secrets Manager service
 * module (one JSON request needs no generated client); the credentials provider is built once, on first use, so
 * nothing credential-related is resolved at init or captured in a snapshot.
 */
public final class SecretsManagerDirectClient implements SecretSource {

    /** The SDK's own service-specific endpoint override variable; tests point it at a local server. */
    public static final String ENV_ENDPOINT = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    public static final String ENV_REGION = "AWS_REGION";
    static final String SIGNING_NAME = "secretsmanager";
    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int READ_TIMEOUT_MS = 5000;

    private final URI endpoint;
    private final String region;
    private final Supplier<? extends AwsCredentialsProvider> credentialsFactory;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private volatile AwsCredentialsProvider credentials;

    /**
     * @param credentialsFactory called once, on the first read (the SDK's providers cache and refresh by themselves)
     */
    public SecretsManagerDirectClient(URI endpoint, String region,
                                      Supplier<? extends AwsCredentialsProvider> credentialsFactory) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.region = Objects.requireNonNull(region);
        this.credentialsFactory = Objects.requireNonNull(credentialsFactory);
        boolean http = "https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme());
        if (!http || endpoint.getHost() == null) {
            throw new ConfigurationException(ENV_ENDPOINT + " must be an http(s) URL");
        }
    }

    /**
     * Secrets Manager of the function's region ({@code AWS_REGION}, which Lambda always sets), or the endpoint of
     * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}; credentials from the SDK's default chain (container credentials under
     * SnapStart).
     */
    public static SecretsManagerDirectClient fromEnvironment(Map<String, String> env) {
        String region = env.get(ENV_REGION);
        if (region == null || region.isBlank()) {
            throw new ConfigurationException(ENV_REGION + " is not set: Secrets Manager needs a region");
        }
        region = region.strip();
        String override = env.get(ENV_ENDPOINT);
        URI endpoint;
        try {
            endpoint = override == null || override.isBlank()
                    ? URI.create("https://secretsmanager." + region + ".amazonaws.com")
                    : URI.create(override.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ENV_ENDPOINT + " must be an http(s) URL");
        }
        return new SecretsManagerDirectClient(endpoint, region, () -> DefaultCredentialsProvider.builder().build());
    }

    @Override
    public String secret(String secretId) {
        byte[] body;
        try {
            body = JSON.std.asBytes(Map.of("SecretId", secretId));
        } catch (IOException e) {
            throw new ConfigurationException("cannot encode the request for " + secretId, e);
        }
        AwsCredentialsIdentity identity;
        try {
            identity = credentials().resolveCredentials();
        } catch (RuntimeException e) {
            // the SDK's message names the providers it tried, never a credential
            throw new ConfigurationException("no AWS credentials to read " + secretId + ": " + e.getMessage(), e);
        }
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpURLConnection c = (HttpURLConnection) signed.request().getUri().toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
                // the JDK sets Host and Content-Length itself, to the values that were signed
                if (!h.getKey().equalsIgnoreCase("Host") && !h.getKey().equalsIgnoreCase("Content-Length")) {
                    c.setRequestProperty(h.getKey(), String.join(",", h.getValue()));
                }
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            if (status != 200) {
                String type = errorType(c);
                c.disconnect();
                throw new ConfigurationException("Secrets Manager answered HTTP " + status
                        + (type == null ? "" : " " + type) + " for " + secretId);
            }
            try (InputStream in = c.getInputStream()) {
                return SecretSource.secretString(in, secretId);
            }
        } catch (IOException e) {
            throw new ConfigurationException("Secrets Manager unreachable at " + endpoint.getHost() + " for "
                    + secretId, e);
        }
    }

    /** Where requests go (tests). */
    URI endpoint() {
        return endpoint;
    }

    private AwsCredentialsProvider credentials() {
        AwsCredentialsProvider p = credentials;
        if (p == null) {
            synchronized (this) {
                p = credentials;
                if (p == null) {
                    p = Objects.requireNonNull(credentialsFactory.get());
                    credentials = p;
                }
            }
        }
        return p;
    }

    /** The error's {@code __type} (e.g. ResourceNotFoundException): names the problem, never carries the secret. */
    private static String errorType(HttpURLConnection c) {
        try (InputStream err = c.getErrorStream()) {
            if (err == null) {
                return null;
            }
            Object type = JSON.std.mapFrom(err.readNBytes(MAX_ANSWER_BYTES)).get("__type");
            if (!(type instanceof String t)) {
                return null;
            }
            String name = t.substring(t.lastIndexOf('#') + 1);
            return name.matches("[A-Za-z0-9.]{1,100}") ? name : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
