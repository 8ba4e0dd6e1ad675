package com.axpay.core.validation;

import java.util.List;

/** The command was rejected; carries every field error found, not just the first. */
public class ValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public ValidationException(List<ValidationError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }

    private static String summary(List<ValidationError> errors) {
        StringBuilder sb = new StringBuilder("invalid request:");
        for (ValidationError e : errors) {
            sb.append(' ').append(e.field()).append(": ").append(e.message()).append(';');
        }
        return sb.toString();
    }
}
