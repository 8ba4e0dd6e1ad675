package com.axpay.conformance;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two ways the buyer's part is played. */
final class Buyers {
    private Buyers() {}

    /** The simulator's page plays a scenario at once with {@code &sim=}; the result's b is in the redirect. */
    static Target.Buyer simulated(SoapCaller caller) {
        return (target, shop, crypt, scenario) -> {
            String location = caller.location(pageUrl(target, shop, crypt) + "&sim=" + scenario);
            return location == null ? null : queryParam(location, "b");
        };
    }

    /**
     * A person pays on Axerve's real page (only successful payments: a decline cannot be chosen from the buyer's
     * side) and pastes back the address the browser landed on.
     */
    static Target.Buyer person(BufferedReader in, PrintStream out) {
        return (target, shop, crypt, scenario) -> {
            if (!"success".equals(scenario)) return null;
            out.println();
            out.println("Buyer's part: open this address, pay with Amazon Pay (sandbox buyer account), and when the");
            out.println("browser lands on your shop's positive URL paste that whole address here (Enter alone skips):");
            out.println("  " + pageUrl(target, shop, crypt));
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) return null;
            String b = line.contains("b=") ? queryParam(line.trim(), "b") : line.trim();
            return b == null || b.isBlank() ? null : b;
        };
    }

    static String pageUrl(Target target, String shop, String crypt) {
        return target.baseUrl() + "/pagam/pagam.aspx?a=" + URLEncoder.encode(shop, StandardCharsets.UTF_8) + "&b="
                + URLEncoder.encode(crypt, StandardCharsets.UTF_8);
    }

    static String queryParam(String url, String name) {
        String query = url.contains("?") ? URI.create(url.replace(" ", "%20")).getRawQuery() : url;
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
