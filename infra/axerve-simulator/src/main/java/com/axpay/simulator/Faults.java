package com.axpay.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Active fault rules; the first matching rule wins and uses up one of its {@code times}. */
final class Faults {
    private final List<FaultRule> rules = new ArrayList<>();
    private final Map<Long, Integer> remaining = new HashMap<>();
    private long nextId = 1;

    synchronized FaultRule add(FaultRule rule) {
        FaultRule r = rule.withId(nextId++);
        rules.add(r);
        if (r.times() != null) remaining.put(r.id(), r.times());
        return r;
    }

    synchronized Optional<FaultRule> take(String shopLogin, String operation) {
        for (FaultRule r : rules) {
            if (!r.matches(shopLogin, operation)) continue;
            Integer left = remaining.get(r.id());
            if (left != null) {
                if (left <= 1) {
                    rules.remove(r);
                    remaining.remove(r.id());
                } else {
                    remaining.put(r.id(), left - 1);
                }
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    synchronized List<FaultRule> list() { return List.copyOf(rules); }

    synchronized void clear() {
        rules.clear();
        remaining.clear();
    }
}
