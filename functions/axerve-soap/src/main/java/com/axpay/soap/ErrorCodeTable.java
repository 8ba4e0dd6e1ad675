package com.axpay.soap;

/**
 * The one place that maps Axerve ErrorCodes (PROTOCOL.md §4.2) to exception classes. Codes not listed are treated
 * as declines: Axerve saw the request and refused it, and its decline codes are the long tail (901–920, 7400...).
 */
final class ErrorCodeTable {
    enum Kind { DECLINED, INVALID_REQUEST, AUTH_IP, AUTH_APIKEY, ALREADY_PROCESSED, NOT_FOUND, SYSTEM }

    private ErrorCodeTable() {
    }

    static Kind classify(String errorCode) {
        int code;
        try {
            code = Integer.parseInt(errorCode == null ? "" : errorCode.trim());
        } catch (NumberFormatException notNumeric) {
            return Kind.SYSTEM;
        }
        return switch (code) {
            case 9999 -> Kind.SYSTEM;
            case 1142 -> Kind.AUTH_IP;
            case 1169, 1166 -> Kind.AUTH_APIKEY;
            case 1137, 4707 -> Kind.ALREADY_PROCESSED;
            case 2011 -> Kind.NOT_FOUND;
            // buyer cancelled / abandoned, CVV, tokens: a payment refusal, not a call error
            case 1140, 1143, 1149 -> Kind.DECLINED;
            case 1008, 1154, 1403, 1454, 2012, 2014, 2016, 2017, 2018, 2019, 2020, 4800, 4801, 4802,
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

    static AxerveException toException(String operation, AxerveResult ko) {
        return switch (classify(ko.errorCode())) {
            case SYSTEM -> new AxerveSystemException(operation, ko);
            case AUTH_IP -> new AxerveAuthenticationException(operation, ko,
                    AxerveAuthenticationException.Reason.IP_NOT_ALLOWED);
            case AUTH_APIKEY -> new AxerveAuthenticationException(operation, ko,
                    AxerveAuthenticationException.Reason.INVALID_APIKEY);
            case ALREADY_PROCESSED -> new AxerveAlreadyProcessedException(operation, ko);
            case NOT_FOUND -> new AxerveNotFoundException(operation, ko);
            case INVALID_REQUEST -> new AxerveInvalidRequestException(operation, ko);
            case DECLINED -> new AxerveDeclinedException(operation, ko);
        };
    }
}
