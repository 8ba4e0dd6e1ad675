package com.axpay.soap;

/** A successful Encrypt: the string to put in the payment page URL ({@code b} parameter). */
public record EncryptResult(String cryptDecryptString, String errorCode, String errorDescription) {
}
