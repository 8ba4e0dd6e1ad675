package com.axpay.doctor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Seller Central values the doctor prints must match Axerve's own Amazon Pay setup page, kept in the shared
 * reference folder next to the repository ({@code ../shared/seeds}). Skipped when that folder is absent.
 */
class SellerCentralFactsTest {

    @Test
    void printedValuesAppearInAxervesAmazonPaySetupPage() throws IOException {
        Path seeds = sharedSeeds();
        assumeTrue(seeds != null, "shared/seeds not found above the module directory");
        String setupPages;
        try (Stream<Path> files = Files.list(seeds)) {
            setupPages = String.join("\n", files.map(SellerCentralFactsTest::read)
                    .filter(text -> text.contains("Allowed Return URLs Mobile"))
                    .toList());
        }
        assumeTrue(!setupPages.isEmpty(), "no Amazon Pay setup page among the seeds");

        for (AmazonPaySettings env : AmazonPaySettings.values()) {
            for (String value : List.of(env.javaScriptOrigin(), env.returnUrl(), env.mobileReturnUrl(),
                    env.ipnUrl())) {
                assertTrue(setupPages.contains(value), env + " value not in Axerve's page: " + value);
            }
        }
        assertTrue(setupPages.contains(AmazonPaySettings.MWS_DEVELOPER_ID));
        assertTrue(setupPages.contains("Developer’s Name\n" + AmazonPaySettings.MWS_DEVELOPER_NAME));
        assertTrue(setupPages.contains(AmazonPaySettings.INTEGRATION_CENTRAL));
    }

    private static Path sharedSeeds() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
