package com.axpay.soap;

import java.util.Locale;
import java.util.Optional;

/**
 * Currency codes Axerve expects in {@code uicCode}: Banca d'Italia UIC codes, not ISO 4217 numbers (EUR is 242,
 * never 978). Table from PROTOCOL.md §4.1; {@link #droppedFromPublicTable()} marks the rows Axerve removed from its
 * public table in 2020 (may no longer be accepted). ITL is kept only so old records decode.
 */
public enum UicCurrency {
    EUR("242", false),
    USD("1", false),
    GBP("2", false),
    CHF("3", false),
    DKK("7", false),
    NOK("8", false),
    SEK("9", false),
    CAD("12", false),
    ITL("18", false),
    PKR("26", true),
    CLP("29", false),
    INR("31", false),
    COP("40", false),
    MYR("55", false),
    ISK("62", false),
    PHP("66", true),
    JPY("71", false),
    THB("73", true),
    BOB("74", false),
    SAR("75", false),
    CRC("77", false),
    GTQ("78", false),
    NGN("81", true),
    ZAR("82", true),
    PYG("101", false),
    HKD("103", false),
    AUD("109", false),
    NZD("113", false),
    DOP("116", false),
    HNL("118", false),
    KRW("119", false),
    NIO("120", false),
    IDR("123", true),
    SGD("124", false),
    TWD("143", false),
    CNY("144", false),
    VND("145", true),
    HUF("153", false),
    AED("187", false),
    QAR("189", false),
    PEN("201", false),
    ILS("203", false),
    ARS("216", false),
    MXN("222", false),
    CZK("223", false),
    HRK("229", true),
    BRL("234", false),
    PLN("237", false),
    UAH("241", false),
    RUB("244", false),
    BGN("262", false),
    TRY("267", false),
    RON("270", false);

    private final String uic;
    private final boolean droppedFromPublicTable;

    UicCurrency(String uic, boolean droppedFromPublicTable) {
        this.uic = uic;
        this.droppedFromPublicTable = droppedFromPublicTable;
    }

    /** The UIC code as sent in {@code uicCode} and returned in {@code Currency}. */
    public String uic() {
        return uic;
    }

    /** The ISO 4217 alphabetic code. */
    public String iso() {
        return name();
    }

    public boolean droppedFromPublicTable() {
        return droppedFromPublicTable;
    }

    /** By ISO 4217 alphabetic code, case-insensitive. */
    public static Optional<UicCurrency> fromIso(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(iso.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** By UIC code (leading zeros ignored). */
    public static Optional<UicCurrency> fromUic(String uic) {
        if (uic == null || !uic.trim().matches("\\d{1,4}")) {
            return Optional.empty();
        }
        String normalized = String.valueOf(Integer.parseInt(uic.trim()));
        for (UicCurrency c : values()) {
            if (c.uic.equals(normalized)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
