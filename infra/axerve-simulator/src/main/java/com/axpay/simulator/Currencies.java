package com.axpay.simulator;

import java.util.Map;
import java.util.Optional;

/** Axerve's UIC currency codes (Banca d'Italia numbering, not ISO 4217 numbers) and their ISO letters. */
final class Currencies {
    private static final Map<String, String> UIC_TO_ISO = Map.ofEntries(
            Map.entry("242", "EUR"), Map.entry("1", "USD"), Map.entry("2", "GBP"), Map.entry("3", "CHF"),
            Map.entry("7", "DKK"), Map.entry("8", "NOK"), Map.entry("9", "SEK"), Map.entry("12", "CAD"),
            Map.entry("18", "ITL"), Map.entry("26", "PKR"), Map.entry("29", "CLP"), Map.entry("31", "INR"),
            Map.entry("40", "COP"), Map.entry("55", "MYR"), Map.entry("62", "ISK"), Map.entry("66", "PHP"),
            Map.entry("71", "JPY"), Map.entry("73", "THB"), Map.entry("74", "BOB"), Map.entry("75", "SAR"),
            Map.entry("77", "CRC"), Map.entry("78", "GTQ"), Map.entry("81", "NGN"), Map.entry("82", "ZAR"),
            Map.entry("101", "PYG"), Map.entry("103", "HKD"), Map.entry("109", "AUD"), Map.entry("113", "NZD"),
            Map.entry("116", "DOP"), Map.entry("118", "HNL"), Map.entry("119", "KRW"), Map.entry("120", "NIO"),
            Map.entry("123", "IDR"), Map.entry("124", "SGD"), Map.entry("143", "TWD"), Map.entry("144", "CNY"),
            Map.entry("145", "VND"), Map.entry("153", "HUF"), Map.entry("187", "AED"), Map.entry("189", "QAR"),
            Map.entry("201", "PEN"), Map.entry("203", "ILS"), Map.entry("216", "ARS"), Map.entry("222", "MXN"),
            Map.entry("223", "CZK"), Map.entry("229", "HRK"), Map.entry("234", "BRL"), Map.entry("237", "PLN"),
            Map.entry("241", "UAH"), Map.entry("244", "RUB"), Map.entry("262", "BGN"), Map.entry("267", "TRY"),
            Map.entry("270", "RON"));

    private Currencies() {}

    static Optional<String> iso(String uic) {
        return Optional.ofNullable(uic == null ? null : UIC_TO_ISO.get(uic));
    }
}
