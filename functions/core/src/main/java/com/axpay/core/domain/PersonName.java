package com.axpay.core.domain;

/** First and last name as CRMs expect them. */
public record PersonName(String firstName, String lastName) {

    /**
     * The first word is the first name and the rest the last name, so multi-word surnames stay whole
     * ("Maria De Luca" gives "Maria" / "De Luca"). A single word is a first name with an empty last name;
     * blank or null gives two empty strings.
     */
    public static PersonName split(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new PersonName("", "");
        }
        String[] parts = fullName.strip().split("\\s+", 2);
        return new PersonName(parts[0], parts.length > 1 ? parts[1] : "");
    }
}
