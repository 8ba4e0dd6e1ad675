package com.axpay.kit.config;

/** A missing or malformed setting; the message names the environment variable (never a secret's value). */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
