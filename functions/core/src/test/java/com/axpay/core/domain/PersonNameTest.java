package com.axpay.core.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonNameTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "'Mario Rossi', Mario, Rossi",
            "'Maria De Luca', Maria, 'De Luca'",
            "'  Anna   Maria  Bianchi ', Anna, 'Maria  Bianchi'",
            "Cher, Cher, ''",
            "'   ', '', ''",
            "null, '', ''",
    })
    void splitsFirstWordFromTheRest(String full, String first, String last) {
        assertEquals(new PersonName(first, last), PersonName.split(full));
    }
}
