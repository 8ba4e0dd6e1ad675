package com.axpay.core.agreement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids of agreements and charges. A shopTransactionId is derived from (agreement, cycle, attempt) or
 * (agreement, upsell chargeId) only, so every process, every retry and every duplicate delivery uses the same one
 * (RELIABILITY rule 2). Letters and digits only (no '-': Axerve forbids "--"), at most 32 characters; the prefix
 * R (recurring) or U (upsell) keeps them apart from one-time ids, which always contain a '-'.
 */
public final class ChargeIds {

    private ChargeIds() {
    }

    /** The agreement created from a payment's token: one per payment. */
    public static String agreementIdFor(String paymentId) {
        return "agr_" + hex(paymentId, 24);
    }

    /** {@code R<16 hex of the agreement>C<cycle>A<attempt>}: 32 characters at most for cycle and attempt < 10^6. */
    public static String cycleShopTransactionId(String agreementId, int cycle, int attempt) {
        if (cycle < 1 || attempt < 1 || cycle >= 1_000_000 || attempt >= 1000) {
            throw new IllegalArgumentException("cycle or attempt out of range");
        }
        return "R" + hex(agreementId, 16) + "C" + cycle + "A" + attempt;
    }

    /** {@code U<30 hex of agreement and chargeId>}. */
    public static String upsellShopTransactionId(String agreementId, String chargeId) {
        return "U" + hex(agreementId + "#" + chargeId, 30);
    }

    /** Key of a cycle charge record. */
    public static String cycleChargeKey(String agreementId, int cycle, int attempt) {
        return agreementId + "#C" + cycle + "#A" + attempt;
    }

    /** Key of an upsell charge record. */
    public static String upsellChargeKey(String agreementId, String chargeId) {
        return agreementId + "#U#" + chargeId;
    }

    private static String hex(String s, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
