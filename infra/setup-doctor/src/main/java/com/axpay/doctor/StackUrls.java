package com.axpay.doctor;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack's public addresses Axerve must know. Built from the API base URL (the routes are fixed by template.yaml)
 * or from the CloudFormation outputs, which name them explicitly.
 *
 * @param source         where the URLs came from, for the report
 * @param staticEgressIp the Elastic IP of the optional static-egress setup, null when the stack has none
 */
record StackUrls(String source, String apiUrl, String positiveUrl, String negativeUrl, String s2sUrl,
        String staticEgressIp) {

    static final String POSITIVE_ROUTE = "/axerve/return/ok";
    static final String NEGATIVE_ROUTE = "/axerve/return/ko";
    static final String S2S_ROUTE = "/axerve/s2s";

    static final String OUTPUT_API_URL = "ApiUrl";
    static final String OUTPUT_POSITIVE_URL = "AxervePositiveUrl";
    static final String OUTPUT_NEGATIVE_URL = "AxerveNegativeUrl";
    static final String OUTPUT_S2S_URL = "AxerveServerToServerUrl";
    static final String OUTPUT_STATIC_EGRESS_IP = "StaticEgressIp";

    static StackUrls fromApiUrl(String apiUrl) throws UsageException {
        String base = httpUrl("--api-url", apiUrl);
        return new StackUrls("--api-url", base, base + POSITIVE_ROUTE, base + NEGATIVE_ROUTE, base + S2S_ROUTE, null);
    }

    /**
     * Reads {@code describe-stacks ... --query 'Stacks[0].Outputs'} (a list of OutputKey/OutputValue); the whole
     * describe-stacks document is accepted too. Routes missing from the outputs are derived from ApiUrl.
     */
    static StackUrls fromStackOutputs(Path file) throws UsageException {
        Map<String, String> outputs = readOutputs(file);
        String label = "stack outputs " + file.getFileName();
        String api = outputs.get(OUTPUT_API_URL);
        String base = api == null ? null : httpUrl(OUTPUT_API_URL, api);
        String ok = route(outputs, OUTPUT_POSITIVE_URL, base, POSITIVE_ROUTE, label);
        String ko = route(outputs, OUTPUT_NEGATIVE_URL, base, NEGATIVE_ROUTE, label);
        String s2s = route(outputs, OUTPUT_S2S_URL, base, S2S_ROUTE, label);
        String ip = outputs.get(OUTPUT_STATIC_EGRESS_IP);
        return new StackUrls(label, base, ok, ko, s2s, ip == null || ip.isBlank() ? null : ip.strip());
    }

    private static String route(Map<String, String> outputs, String key, String base, String path, String label)
            throws UsageException {
        String value = outputs.get(key);
        if (value != null) {
            return httpUrl(key, value);
        }
        if (base == null) {
            throw new UsageException(label + " has neither " + key + " nor " + OUTPUT_API_URL);
        }
        return base + path;
    }

    private static Map<String, String> readOutputs(Path file) throws UsageException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("--stack-outputs: no such file: " + file);
        } catch (JacksonException e) {
            throw new UsageException("--stack-outputs: " + file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("--stack-outputs: cannot read " + file + ": " + e.getMessage());
        }
        JsonNode list = root;
        if (root != null && root.has("Stacks")) {
            list = root.path("Stacks").path(0).path("Outputs");
        } else if (root != null && root.has("Outputs")) {
            list = root.path("Outputs");
        }
        if (list == null || !list.isArray()) {
            throw new UsageException("--stack-outputs: " + file
                    + " must be a list of {\"OutputKey\", \"OutputValue\"} (describe-stacks --query 'Stacks[0].Outputs')");
        }
        Map<String, String> outputs = new HashMap<>();
        for (JsonNode o : list) {
            if (o.path("OutputKey").isTextual() && o.path("OutputValue").isTextual()) {
                outputs.put(o.get("OutputKey").asText(), o.get("OutputValue").asText().strip());
            }
        }
        return outputs;
    }

    /** An absolute http(s) URL without query or fragment, trailing slash removed. */
    private static String httpUrl(String what, String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(what + " is not a URL: " + value);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new UsageException(what + " must be an absolute http(s) URL: " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException(what + " must not have a query or fragment: " + value);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
