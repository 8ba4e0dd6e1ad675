package com.axpay.cfn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * template.yaml and its SAM transform lint clean: cfn-lint reports no error and no warning on either (the check
 * CloudFormation users run, and which catches a closed Lambda runtime, E2533). Runs {@code lint-template} wherever
 * cfn-lint and aws-sam-translator are installed; skipped, saying so, elsewhere.
 */
class TemplateLintTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("lint-template");
    private static final Path TEMPLATE = MODULE.resolve("../../template.yaml").normalize();

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lint", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within 5 minutes");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private record Run(int exit, String output) {
    }

    private static boolean installed(List<String> probe) {
        try {
            return run(probe).exit() == 0;
        } catch (IOException e) {
            return false; // not on PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theTemplateAndItsSamTransformHaveNoErrorAndNoWarning() throws Exception {
        assumeTrue(installed(List.of("cfn-lint", "--version")),
                "skipped: cfn-lint is not installed (pip install cfn-lint), so the template was not linted");
        assumeTrue(installed(List.of("python3", "-c", "import samtranslator")),
                "skipped: aws-sam-translator is not importable by python3, so the SAM transform was not linted");
        assertTrue(Files.isRegularFile(TEMPLATE), TEMPLATE + " missing");

        Run lint = run(List.of("bash", SCRIPT.toString(), TEMPLATE.toString()));

        assertEquals(0, lint.exit(), lint.output());
        assertTrue(lint.output().contains("0 errors, 0 warnings"), lint.output());
    }

    @Test
    void theLintFailsOnAClosedRuntimeSoTheCheckAboveCanFail() throws Exception {
        assumeTrue(installed(List.of("cfn-lint", "--version")), "skipped: cfn-lint is not installed");
        Path old = Files.createTempFile("template-java17", ".yaml");
        try {
            Files.writeString(old, Files.readString(TEMPLATE).replace("Runtime: java25", "Runtime: java17"));

            Run lint = run(List.of("cfn-lint", old.toString())); // the script's first step, on the old runtime

            assertTrue(lint.exit() != 0, lint.output());
            assertTrue(lint.output().contains("E2533"), lint.output());
        } finally {
            Files.deleteIfExists(old);
        }
    }
}
