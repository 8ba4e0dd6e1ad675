package com.axpay.core.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core decides on gateway-neutral verdicts only: Axerve's results, transaction states, error codes and operation
 * names (and Amazon's reason codes, which reach us through Axerve) are read by the Axerve adapter. This scans core's
 * main sources, comments left out, for any of them in code or in a string literal.
 */
class CoreSpeaksNoAxerveTest {

    private static final Path MAIN = Path.of("src", "main", "java");

    /** TransactionResult values and TransactionState values. */
    private static final Set<String> WORDS = Set.of("OK", "KO", "XX", "AUT", "MOV", "PRE", "CAN", "STO");
    private static final Pattern OPERATION = Pattern.compile(
            "\\b(Encrypt|Decrypt|call[A-Z][A-Za-z]*S2S|callPagam\\w*|callReadTrx\\w*)\\b");
    private static final Set<String> AMAZON_REASONS = Set.of("InvalidPaymentMethod", "AmazonRejected",
            "ProcessingFailure", "TransactionTimedOut", "PaymentMethodNotAllowed", "HardDeclined", "SoftDeclined",
            "BuyerCanceled", "PaymentMethodExpired", "PaymentMethodDeleted", "BillingAddressDeleted", "MFAFailed");
    /** Axerve's codes are 2 to 4 digits ("74", "251", "2011"); as a number, 4-digit ones are the telling kind. */
    private static final Pattern CODE_STRING = Pattern.compile("\\s*\\d{2,4}\\s*");
    private static final Pattern FOUR_DIGIT_NUMBER = Pattern.compile("(?<![\\w.])\\d{4}(?![\\w.])");
    /** 4-digit numbers core uses that are not Axerve's: a thousand (units), ResultStrings' length bound. */
    private static final Set<String> NUMBERS_ALLOWED = Set.of("1000", "4096");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");

    @Test
    void coreMainSourcesHoldNoAxerveLiteral() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the core module: " + MAIN.toAbsolutePath());
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                try {
                    for (String f : findings(Files.readString(p))) {
                        findings.add(MAIN.relativize(p) + ": " + f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertEquals(List.of(), findings, "Axerve's protocol belongs in the Axerve adapter (functions/axerve-gateway)"
                + " and its ErrorCodeTable; core decides on com.axpay.core.domain.Verdict");
    }

    /** The scanner itself: it must see a literal in code or a string, and not one in a comment. */
    @Test
    void theScanFindsWhatItLooksFor() {
        assertEquals(1, findings("Set<String> s = Set.of(\"9999\");").size());
        assertEquals(1, findings("if (code.equals(\" 2011 \")) {}").size());
        assertEquals(1, findings("switch (state) { case \"MOV\": }").size());
        assertEquals(1, findings("if (o.result() == Result.KO) {}").size());
        assertEquals(1, findings("client.callReadTrxS2S(id);").size());
        assertEquals(1, findings("String op = \"Decrypt\";").size());
        assertEquals(1, findings("int code = 1142;").size());
        assertEquals(1, findings("reasons.contains(\"InvalidPaymentMethod\")").size());

        assertEquals(List.of(), findings("// Axerve's 2011 is callReadTrxS2S's \"not found\" (KO)\nint x = 1;"));
        assertEquals(List.of(), findings("/* MOV, PRE: \"9999\" */ String ok = \"Okay: 1 item\";"));
        assertEquals(List.of(), findings("String m = \"Axerve refused the refund (error \" + code + \").\";"));
        assertEquals(List.of(), findings("int max = 4096; long ms = 30_000; double d = 2011.5;"));
    }

    /** What in this source speaks Axerve, one line per finding. */
    static List<String> findings(String source) {
        List<String> strings = new ArrayList<>();
        String code = stripCommentsAndStrings(source, strings);
        List<String> out = new ArrayList<>();
        for (String s : strings) {
            String t = s.strip();
            if (CODE_STRING.matcher(s).matches()) {
                out.add("error code \"" + s + "\"");
            } else if (WORDS.contains(t.toUpperCase(Locale.ROOT)) && t.equals(t.toUpperCase(Locale.ROOT))) {
                out.add("result or state \"" + s + "\"");
            } else if (OPERATION.matcher(s).find()) {
                out.add("operation name in \"" + s + "\"");
            } else if (AMAZON_REASONS.contains(t)) {
                out.add("Amazon reason code \"" + s + "\"");
            }
        }
        Matcher id = IDENTIFIER.matcher(code);
        while (id.find()) {
            String w = id.group();
            if (WORDS.contains(w) || OPERATION.matcher(w).matches()) {
                out.add("identifier " + w);
            }
        }
        Matcher n = FOUR_DIGIT_NUMBER.matcher(code);
        while (n.find()) {
            if (!NUMBERS_ALLOWED.contains(n.group())) {
                out.add("number " + n.group());
            }
        }
        return out;
    }

    /** The source without comments, string and char literals (each string's content collected into {@code strings}). */
    private static String stripCommentsAndStrings(String src, List<String> strings) {
        StringBuilder code = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                code.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end;
                strings.add(src.substring(i + 3, end));
                i = Math.min(src.length(), end + 3);
                code.append(" \"\" ");
            } else if (c == '"' || c == '\'') {
                StringBuilder lit = new StringBuilder();
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\' && j + 1 < src.length()) {
                        lit.append(src, j, j + 2);
                        j += 2;
                    } else {
                        lit.append(src.charAt(j++));
                    }
                }
                if (c == '"') {
                    strings.add(lit.toString());
                }
                i = j + 1;
                code.append(" \"\" ");
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
