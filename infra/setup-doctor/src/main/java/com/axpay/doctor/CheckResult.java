package com.axpay.doctor;

import java.util.List;

/**
 * Outcome of the credential check.
 *
 * @param problem         null when passed or skipped
 * @param errorCode       Axerve's ErrorCode when Axerve answered with one
 * @param errorDescription Axerve's own (usually Italian) description, kept as it came
 * @param advice          what to do, one step per line
 */
record CheckResult(Status status, Problem problem, String shopTransactionId, String errorCode,
        String errorDescription, String summary, List<String> advice) {

    enum Status { PASSED, FAILED, SKIPPED }

    enum Problem {
        MISSING_SHOP_LOGIN, IP_NOT_ALLOWED, INVALID_APIKEY, UNKNOWN_SHOP, INACTIVE_SHOP, REQUEST_REFUSED,
        AXERVE_ERROR, UNREACHABLE, TIMEOUT, NOT_AXERVE
    }

    static CheckResult skipped(String why) {
        return new CheckResult(Status.SKIPPED, null, null, null, null, why, List.of());
    }

    static CheckResult failed(Problem problem, String summary, List<String> advice) {
        return new CheckResult(Status.FAILED, problem, null, null, null, summary, advice);
    }
}
