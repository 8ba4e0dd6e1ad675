package com.axpay.core.domain;

/** The buyer's profile (personal data: never logged). Both fields may be null. */
public record Buyer(String name, String email) {

    public static final Buyer NONE = new Buyer(null, null);

    /** The name split the way CRMs expect. */
    public PersonName splitName() {
        return PersonName.split(name);
    }

    @Override
    public String toString() {
        return "Buyer[redacted]"; // personal data stays out of logs
    }

    /** Our value where we have one, the other's otherwise. */
    public Buyer orElse(Buyer other) {
        if (other == null) {
            return this;
        }
        return new Buyer(name != null ? name : other.name, email != null ? email : other.email);
    }
}
