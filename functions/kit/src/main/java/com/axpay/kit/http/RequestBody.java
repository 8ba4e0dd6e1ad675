package com.axpay.kit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The one reader of request bodies, for every route that takes one: at most {@link #MAX_BYTES}, a JSON object.
 * {@code ApiHandler} turns its two failures into 413 and 400, so every route answers a bad body the same way.
 */
public final class RequestBody {

    /** Far above any valid request (customInfo is at most 1000 characters), far below API Gateway's limit. */
    public static final int MAX_BYTES = 16 * 1024;

    private RequestBody() {
    }

    /** A body over {@link #MAX_BYTES}: HTTP 413. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("body is larger than " + MAX_BYTES + " bytes");
        }
    }

    /** A body that is not a JSON object (or not decodable): HTTP 400 naming the field {@code body}. */
    public static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * The body as a JSON object.
     *
     * @param optional an absent or empty body is an empty object (routes that need no body)
     * @throws TooLarge  over the size limit
     * @throws Malformed absent when required, not base64 when flagged so, not JSON, or not an object
     */
    public static Map<?, ?> object(APIGatewayV2HTTPEvent event, boolean optional) {
        return object(bytes(event), optional);
    }

    static Map<?, ?> object(byte[] body, boolean optional) {
        if (body == null || body.length == 0) {
            if (optional) {
                return Map.of();
            }
            throw new Malformed("is required: a JSON object");
        }
        if (body.length > MAX_BYTES) {
            throw new TooLarge();
        }
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new Malformed("is not valid JSON");
        }
        if (parsed instanceof Map<?, ?> map) {
            return map;
        }
        throw new Malformed("must be a JSON object");
    }

    /**
     * A string field of a parsed body; another JSON type counts as absent (a number for an amount too: it may have
     * been rounded), so the use case's validation names the field.
     */
    public static String text(Map<?, ?> body, String field) {
        return body.get(field) instanceof String s ? s : null;
    }

    /** The bytes, base64-decoded when API Gateway encoded them; the size is checked before decoding too. */
    private static byte[] bytes(APIGatewayV2HTTPEvent e) {
        String body = e == null ? null : e.getBody();
        if (body == null) {
            return null;
        }
        // refused before decoding: no text this long (UTF-8 or base64 with line breaks) is a body within the limit
        if (body.length() > 2 * MAX_BYTES) {
            throw new TooLarge();
        }
        if (!e.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw new Malformed("is not valid base64");
        }
    }
}
