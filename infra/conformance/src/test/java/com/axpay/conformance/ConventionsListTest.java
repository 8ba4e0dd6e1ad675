package com.axpay.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The run checks exactly the conventions the simulator's README lists by id, no more, no fewer. */
class ConventionsListTest {
    @Test
    void everyConventionOfTheSimulatorReadmeIsChecked() throws Exception {
        String readme = Files.readString(Path.of("../axerve-simulator/README.md"));
        String section = readme.substring(readme.indexOf("### Decided from the evidence"),
                readme.indexOf("## Payment page"));
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(section);
        while (m.find()) ids.add(m.group(1));
        assertEquals(Conventions.ALL.keySet(), ids);
    }
}
