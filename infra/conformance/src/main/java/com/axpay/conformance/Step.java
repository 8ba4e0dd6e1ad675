package com.axpay.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One call of the run (or one buyer's part). Params are built from the run's variables at play time; a step whose
 * required variables are missing (the buyer skipped, a previous call failed) is not reached.
 */
final class Step {
    final String id;
    final String title;
    final String operation;
    SoapCaller.Framing framing = SoapCaller.Framing.SOAP11;
    Function<Context, Map<String, String>> params = c -> Map.of();
    final List<String> requires = new ArrayList<>();
    final List<String> compared = new ArrayList<>();
    final List<String> conventions = new ArrayList<>();
    BiConsumer<Context, Answer> keep = (c, a) -> { };
    boolean deferredShop;
    /** Buyer's part: the variable holding the CryptDecryptString, the page scenario, the variable to store b in. */
    String payCrypt;
    String payScenario;
    String payInto;

    private Step(String id, String title, String operation) {
        this.id = id;
        this.title = title;
        this.operation = operation;
    }

    static Step call(String id, String operation, String title) {
        return new Step(id, title, operation);
    }

    static Step pay(String id, String cryptVar, String scenario, String into, String title) {
        Step s = new Step(id, title, "(payment page)");
        s.payCrypt = cryptVar;
        s.payScenario = scenario;
        s.payInto = into;
        s.requires.add(cryptVar);
        return s;
    }

    boolean isPayment() {
        return payCrypt != null;
    }

    Step framing(SoapCaller.Framing f) { framing = f; return this; }

    Step params(Function<Context, Map<String, String>> p) { params = p; return this; }

    Step requires(String... vars) { requires.addAll(List.of(vars)); return this; }

    /** Leaf paths whose text must be the same in both answers (beyond result, code and text). */
    Step compare(String... paths) { compared.addAll(List.of(paths)); return this; }

    Step checks(String... ids) { conventions.addAll(List.of(ids)); return this; }

    Step keep(BiConsumer<Context, Answer> k) { keep = k; return this; }

    Step onDeferredShop() { deferredShop = true; return this; }

    /** Ordered parameters: name, value, name, value... (null values are left out). */
    static Map<String, String> p(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The variables of one target's run: shop, apikey, the id prefix, and values kept from earlier answers. */
    static final class Context {
        final Target target;
        final String prefix;
        final Map<String, String> vars = new LinkedHashMap<>();

        Context(Target target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        String v(String name) { return vars.get(name); }

        String id(String suffix) { return prefix + "-" + suffix; }
    }
}
