package com.axpay.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Derives Axerve's shopTransactionId from (orderId, attempt): the same pair always gives the same id, in any process,
 * so a retry after an unknown outcome reuses it; different pairs never share one.
 *
 * <p>Every id is one Axerve takes for AMAZONPAY: only {@code [A-Za-z0-9_-]}, at most 32 characters (Amazon Pay's
 * rule), and never {@code --} (a sequence Axerve refuses in every parameter value, error 1105).
 *
 * <p>Readable form {@code <orderId>-<attempt>} when it fits in 31 characters and holds no {@code --} (the last '-'
 * separates the attempt, so the pair can be read back). Otherwise a hashed form of exactly 32 characters: the first 8
 * characters of the order id (for people searching the Back Office), SHA-256 of the order id in base64url, then
 * {@code -<attempt>}; when that text would hold {@code --}, every '-' before the separator becomes '_'. The readable
 * and hashed forms cannot collide because their lengths differ. Ids that the earlier derivation made and Axerve
 * accepted are unchanged, so payments stored before this rule keep matching their order.
 */
public final class ShopTransactionIds {

    public static final int MAX_LENGTH = 32;
    /** What Axerve takes as an AMAZONPAY shopTransactionId. */
    public static final Pattern ALLOWED = Pattern.compile("(?!.*--)[A-Za-z0-9_-]{1,32}");
    private static final Pattern ORDER_ID_CHARS = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int PREFIX = 8;

    private ShopTransactionIds() {
    }

    /** Whether Axerve takes {@code id} as the shopTransactionId of an Amazon Pay payment. */
    public static boolean acceptedByAxerve(String id) {
        return id != null && ALLOWED.matcher(id).matches();
    }

    public static String of(String orderId, int attempt) {
        if (orderId == null || !ORDER_ID_CHARS.matcher(orderId).matches()) {
            throw new IllegalArgumentException("orderId must match [A-Za-z0-9_-]+");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
        String suffix = "-" + attempt;
        String readable = orderId + suffix;
        if (readable.length() < MAX_LENGTH && !readable.contains("--")) {
            return readable;
        }
        String prefix = orderId.substring(0, Math.min(PREFIX, orderId.length()));
        int hashLength = MAX_LENGTH - prefix.length() - suffix.length();
        String body = prefix + sha256Url(orderId).substring(0, hashLength);
        if ((body + suffix).contains("--")) {
            // only the separator keeps its '-': no "--" can remain, and the attempt is still read after the last '-'
            body = body.replace('-', '_');
        }
        return body + suffix;
    }

    private static String sha256Url(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
