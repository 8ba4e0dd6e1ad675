package com.axpay.simulator;

import java.util.List;

/** A fictitious address from the simulated Amazon address book. */
record Address(String name, String addressLine1, String addressLine2, String city, String postalCode,
               String stateOrRegion, String countryCode, String phone) {

    static final List<Address> BOOK = List.of(
            new Address("Mario Rossi", "Via Roma 1", "Scala B", "Milano", "20121", "MI", "IT", "0212345678"),
            new Address("Giulia Bianchi", "Corso Vittorio Emanuele II 45", "", "Torino", "10123", "TO", "IT", "0119876543"),
            new Address("Lukas Schmidt", "Hauptstrasse 12", "", "Berlin", "10115", "BE", "DE", "030123456"),
            new Address("Marie Dupont", "10 Rue de Rivoli", "Bat. A", "Paris", "75004", "IDF", "FR", "0142000000"));

    static Address pick(String index) {
        try {
            int i = Integer.parseInt(index == null ? "0" : index);
            return i >= 0 && i < BOOK.size() ? BOOK.get(i) : BOOK.get(0);
        } catch (NumberFormatException e) {
            return BOOK.get(0);
        }
    }

    /** Billing address of the simulated Amazon buyer: always the second book entry, so it differs from most shipping picks. */
    static Address billing() { return BOOK.get(1); }
}
