package com.axpay.kit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Reading an API Gateway payload 2.0 event: headers (lower-cased by API Gateway), query and body. */
public final class Requests {

    private Requests() {
    }

    /** Header value, case-insensitive (API Gateway lower-cases names; local emulators may not). */
    public static String header(APIGatewayV2HTTPEvent e, String name) {
        Map<String, String> headers = e.getHeaders();
        if (headers == null) {
            return null;
        }
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * A query parameter, taken from the raw query string when there is one: API Gateway joins repeated parameters
     * with commas in {@code queryStringParameters}, and Axerve's {@code b} is opaque text.
     */
    public static String query(APIGatewayV2HTTPEvent e, String name) {
        String raw = e.getRawQueryString();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (key.equals(name)) {
                    return eq < 0 ? "" : decode(pair.substring(eq + 1));
                }
            }
            return null;
        }
        Map<String, String> q = e.getQueryStringParameters();
        return q == null ? null : q.get(name);
    }

    public static String pathParameter(APIGatewayV2HTTPEvent e, String name) {
        Map<String, String> p = e.getPathParameters();
        return p == null ? null : p.get(name);
    }

    /** "GET /axerve/return/ok" from the route key, or method and raw path when the event has none. */
    public static String route(APIGatewayV2HTTPEvent e) {
        if (e.getRouteKey() != null && !e.getRouteKey().isBlank() && !e.getRouteKey().equals("$default")) {
            return e.getRouteKey();
        }
        String method = e.getRequestContext() != null && e.getRequestContext().getHttp() != null
                ? e.getRequestContext().getHttp().getMethod() : "";
        return method + " " + e.getRawPath();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return s;
        }
    }
}
