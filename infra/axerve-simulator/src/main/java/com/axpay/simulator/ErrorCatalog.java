package com.axpay.simulator;

import java.util.Map;

/** Axerve error codes used by the simulator, with Italian descriptions as Axerve returns them by default. */
final class ErrorCatalog {
    static final int OK = 0;
    static final int AUTH_DENIED = 74;
    static final int INVALID_PARAMETER_STRING = 1100;
    static final int INVALID_VALUE = 1105;
    static final int MANDATORY_MISSING = 1108;
    /**
     * A well-formed transKey Amazon never issued. No source documents Axerve's code for it; the simulator answers
     * the documented "invalid parameter value" (see the README).
     */
    static final int UNKNOWN_TRANSKEY = INVALID_VALUE;
    static final int INVALID_CURRENCY = 1111;
    static final int AMOUNT_FORMAT = 1113;
    static final int AMOUNT_RANGE = 1114;
    static final int SHOP_TX_ID_TOO_LONG = 1116;
    static final int INVALID_LANGUAGE = 1117;
    static final int SHOP_UNKNOWN = 1131;
    static final int SHOP_INACTIVE = 1132;
    static final int ALREADY_PROCESSED_ENCRYPT = 1137;
    static final int INVALID_IP = 1142;
    static final int ABANDONED = 1143;
    static final int MISSING_TRANSKEY = 1154;
    static final int TOKEN_NOT_FOUND = 1165;
    static final int INVALID_APIKEY = 1169;
    static final int WRONG_PAYMENT_TYPE = 1403;
    static final int NOT_FOUND = 2011;
    static final int AMBIGUOUS = 2012;
    static final int REFUND_OVER_BALANCE = 2014;
    static final int IDS_MISSING = 2016;
    static final int NOT_DELETABLE = 2017;
    static final int NOT_REFUNDABLE = 2018;
    static final int NOT_SETTLEABLE = 2019;
    static final int ALREADY_PROCESSED_S2S = 4707;
    static final int PAYMENT_METHOD_NOT_ALLOWED = 5001;
    static final int PAYMENT_PLAN_NOT_SET = 5002;
    static final int SHIPPING_ADDRESS_NOT_SET = 5003;
    static final int SETTLE_OVER_AUTH = 8014;
    static final int SYSTEM_ERROR = 9999;

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(OK, "Transazione correttamente effettuata"),
            Map.entry(AUTH_DENIED, "Autorizzazione negata"),
            Map.entry(INVALID_PARAMETER_STRING, "Stringa parametri non valida"),
            Map.entry(INVALID_VALUE, "Valore parametro non valido"),
            Map.entry(MANDATORY_MISSING, "Parametro obbligatorio non valorizzato"),
            Map.entry(INVALID_CURRENCY, "Codice divisa non valido"),
            Map.entry(AMOUNT_FORMAT, "Formato importo non valido"),
            Map.entry(AMOUNT_RANGE, "Importo non valido"),
            Map.entry(SHOP_TX_ID_TOO_LONG, "Lunghezza shopTransactionId superiore al massimo consentito"),
            Map.entry(INVALID_LANGUAGE, "Codice lingua non valido"),
            Map.entry(SHOP_UNKNOWN, "Shop Login non riconosciuto"),
            Map.entry(SHOP_INACTIVE, "Esercente non attivo"),
            Map.entry(ALREADY_PROCESSED_ENCRYPT, "Transazione gia' elaborata"),
            Map.entry(INVALID_IP, "Chiamata non accettata: indirizzo IP non valido"),
            Map.entry(ABANDONED, "Transazione abbandonata dal compratore"),
            Map.entry(MISSING_TRANSKEY, "TransKey mancante"),
            Map.entry(TOKEN_NOT_FOUND, "Token non trovato"),
            Map.entry(INVALID_APIKEY, "Chiamata non accettata: APIKEY esercente non valida"),
            Map.entry(WRONG_PAYMENT_TYPE, "Tipo di pagamento errato"),
            Map.entry(NOT_FOUND, "Transazione non trovata"),
            Map.entry(AMBIGUOUS, "Transazione non identificata univocamente"),
            Map.entry(REFUND_OVER_BALANCE, "Importo storno superiore al saldo disponibile"),
            Map.entry(IDS_MISSING, "Campi BANKTRANSACTIONID e SHOPTRANSACTIONID non valorizzati"),
            Map.entry(NOT_DELETABLE, "Transazione non cancellabile"),
            Map.entry(NOT_REFUNDABLE, "Transazione non stornabile"),
            Map.entry(NOT_SETTLEABLE, "Transazione non movimentabile"),
            Map.entry(ALREADY_PROCESSED_S2S, "Transazione gia' elaborata"),
            Map.entry(PAYMENT_METHOD_NOT_ALLOWED, "AmazonPay: metodo di pagamento non consentito, sceglierne un altro"),
            Map.entry(PAYMENT_PLAN_NOT_SET, "AmazonPay: piano di pagamento non impostato"),
            Map.entry(SHIPPING_ADDRESS_NOT_SET, "AmazonPay: indirizzo di spedizione non impostato"),
            Map.entry(SETTLE_OVER_AUTH, "Importo movimentazione superiore all'autorizzato"),
            Map.entry(SYSTEM_ERROR, "Errore di Sistema"));

    private ErrorCatalog() {}

    static String describe(int code) {
        return DESCRIPTIONS.getOrDefault(code, "Errore");
    }
}
