package com.axpay.core.domain;

/** A postal address as Amazon returns it through callReadTrxS2S; every field may be absent. */
public record Address(String name, String addressLine1, String addressLine2, String city, String postalCode,
                      String stateOrRegion, String countryCode, String phone) {

    @Override
    public String toString() {
        return "Address[redacted]"; // personal data stays out of logs
    }
}
