package com.axpay.conformance;

import java.util.List;
import java.util.Map;

/**
 * What one call got back, reduced to what is compared: HTTP status, the payload's shape (element paths in document
 * order), result, error code and text; for a SOAP fault the fault code and reason. {@code values} holds the text of
 * every leaf path, for later steps and for the values a step compares.
 */
record Answer(int status, List<String> shape, String result, String errorCode, String errorText,
              Map<String, String> values, String failure) {

    static Answer failed(String why) {
        return new Answer(0, List.of(), null, null, null, Map.of(), why);
    }

    String value(String path) {
        return values.get(path);
    }
}
