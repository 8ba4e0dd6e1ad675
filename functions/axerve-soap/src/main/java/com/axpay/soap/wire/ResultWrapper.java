package com.axpay.soap.wire;

/** A response wrapper ({@code EncryptResponse}, {@code callPagamS2SResponse}, ...) holding one {@code *Result}. */
public interface ResultWrapper {
    AnyPayload result();
}
