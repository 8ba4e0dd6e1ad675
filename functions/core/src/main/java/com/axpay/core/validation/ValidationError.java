package com.axpay.core.validation;

/** One rejected input field, with a message safe to show the caller (it never echoes personal data). */
public record ValidationError(String field, String message) {
}
