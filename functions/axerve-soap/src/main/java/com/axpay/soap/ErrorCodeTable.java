package com.axpay.soap;

import java.util.Set;

/**
 * The one place that maps Axerve ErrorCodes (PROTOCOL.md §4.2): to exception classes for a refused call, to what a
 * KO result says about the payment, and to the reason behind a decline. Codes not listed are treated as declines:
 * Axerve saw the request and refused it, and its decline codes are the long tail (901–920, 7400...).
 */
public final class ErrorCodeTable {

    /** What a code says. */
    public enum Kind {
        DECLINED,
        /** The buyer left or cancelled: a refusal of the payment, not of the call. */
        ABANDONED,
        INVALID_REQUEST,
        /** A refund above what Axerve still holds for the transaction (a refused request). */
        INSUFFICIENT_BALANCE,
        AUTH_IP, AUTH_APIKEY, ALREADY_PROCESSED, NOT_FOUND, SYSTEM
    }

    /** Why a payment was refused, as far as Axerve's code tells. */
    public enum Decline {
        ABANDONED_BY_BUYER, AUTHORIZATION_DENIED, INSUFFICIENT_FUNDS, PAYMENT_METHOD_NOT_ALLOWED,
        PAYMENT_PLAN_NOT_SET, SHIPPING_ADDRESS_NOT_SET, EXPIRED, OTHER
    }

    private static final Set<Integer> ABANDON_CODES = Set.of(1140, 1143, 2005, 2500, 2501);

    private ErrorCodeTable() {
    }

    /** A non-numeric or missing code is Axerve's own fault (SYSTEM): the call gave no usable answer. */
    public static Kind classify(String errorCode) {
        Integer parsed = parse(errorCode);
        if (parsed == null) {
            return Kind.SYSTEM;
        }
        int code = parsed;
        if (ABANDON_CODES.contains(code)) {
            return Kind.ABANDONED;
        }
        return switch (code) {
            case 9999 -> Kind.SYSTEM;
            case 1142 -> Kind.AUTH_IP;
            case 1169, 1166 -> Kind.AUTH_APIKEY;
            case 1137, 4707 -> Kind.ALREADY_PROCESSED;
            case 2011 -> Kind.NOT_FOUND;
            case 2014 -> Kind.INSUFFICIENT_BALANCE;
            // CVV, tokens: a payment refusal, not a call error
            case 1149 -> Kind.DECLINED;
            case 1008, 1154, 1403, 1454, 2012, 2016, 2017, 2018, 2019, 2020, 4800, 4801, 4802,
                    8013, 8014, 8015, 8016 -> Kind.INVALID_REQUEST;
            default -> {
                if (code >= 1160 && code <= 1165) {
                    yield Kind.DECLINED;
                }
                if (code >= 1100 && code <= 1141) {
                    yield Kind.INVALID_REQUEST;
                }
                yield Kind.DECLINED;
            }
        };
    }

    /**
     * True when a KO result's code describes the call rather than the payment (Axerve's system error, IP or apikey
     * refused, already processed): it says nothing about whether the buyer paid. A missing or non-numeric code on a
     * result that names a transaction is read as a refusal of the payment, as Axerve's KO without detail is.
     */
    public static boolean describesTheCall(String errorCode) {
        if (parse(errorCode) == null) {
            return false;
        }
        return switch (classify(errorCode)) {
            case SYSTEM, AUTH_IP, AUTH_APIKEY, ALREADY_PROCESSED -> true;
            default -> false;
        };
    }

    /** Axerve's token codes: unknown, disabled or foreign token, so the agreement can no longer be charged. */
    public static boolean tokenUnusable(String errorCode) {
        Integer code = parse(errorCode);
        return code != null && code >= 1160 && code <= 1165;
    }

    /** The reason behind a KO, as far as the code tells (never from Axerve's localized description). */
    public static Decline decline(String errorCode) {
        Integer parsed = parse(errorCode);
        if (parsed == null) {
            return Decline.OTHER;
        }
        int code = parsed;
        if (ABANDON_CODES.contains(code)) {
            return Decline.ABANDONED_BY_BUYER;
        }
        return switch (code) {
            case 5001 -> Decline.PAYMENT_METHOD_NOT_ALLOWED;
            case 5002 -> Decline.PAYMENT_PLAN_NOT_SET;
            case 5003 -> Decline.SHIPPING_ADDRESS_NOT_SET;
            case 251 -> Decline.INSUFFICIENT_FUNDS;
            case 2011, 4800 -> Decline.EXPIRED;
            case 74, 97, 405, 7400, 7500, 7600 -> Decline.AUTHORIZATION_DENIED;
            default -> code >= 901 && code <= 920 ? Decline.AUTHORIZATION_DENIED : Decline.OTHER;
        };
    }

    static AxerveException toException(String operation, AxerveResult ko) {
        return switch (classify(ko.errorCode())) {
            case SYSTEM -> new AxerveSystemException(operation, ko);
            case AUTH_IP -> new AxerveAuthenticationException(operation, ko,
                    AxerveAuthenticationException.Reason.IP_NOT_ALLOWED);
            case AUTH_APIKEY -> new AxerveAuthenticationException(operation, ko,
                    AxerveAuthenticationException.Reason.INVALID_APIKEY);
            case ALREADY_PROCESSED -> new AxerveAlreadyProcessedException(operation, ko);
            case NOT_FOUND -> new AxerveNotFoundException(operation, ko);
            case INVALID_REQUEST, INSUFFICIENT_BALANCE -> new AxerveInvalidRequestException(operation, ko);
            case DECLINED, ABANDONED -> new AxerveDeclinedException(operation, ko);
        };
    }

    /** The code as a number, or null when missing or not numeric (Axerve's codes are numbers, "0" for none). */
    private static Integer parse(String errorCode) {
        try {
            return Integer.parseInt(errorCode == null ? "" : errorCode.strip());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }
}
