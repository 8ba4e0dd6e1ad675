package com.axpay.core.validation;

import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.Buyer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Validates a start-payment command against Axerve's field limits and the merchant's configuration. What depends on
 * Axerve's tables (supported currencies, forbidden characters) is passed in by the wiring, so core does not copy them.
 */
public final class StartPaymentValidator {

    public static final int MAX_ORDER_ID_LENGTH = 64;
    /** Axerve: buyerName and buyerEmail max 50. */
    public static final int MAX_BUYER_FIELD_LENGTH = 50;
    /** Axerve: customInfo max 1000 in total (as k=v*P1*k=v), each value max 300. */
    public static final int MAX_CUSTOM_INFO_LENGTH = 1000;
    public static final int MAX_CUSTOM_INFO_VALUE_LENGTH = 300;
    public static final int MAX_CUSTOM_INFO_KEY_LENGTH = 50;
    public static final Set<String> LANGUAGES = Set.of("it", "en", "es", "fr", "de");

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CUSTOM_INFO_KEY = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String CUSTOM_INFO_SEPARATOR = "*P1*";

    private final Set<String> currencies;
    private final ReturnUrlAllowList returnUrls;
    private final Predicate<String> forbiddenInCustomInfo;

    /**
     * @param currencies            ISO codes the merchant's Axerve account takes (the wiring derives them from UIC)
     * @param returnUrls            allowed storefront return URLs
     * @param forbiddenInCustomInfo true for a key or value containing characters Axerve forbids
     */
    public StartPaymentValidator(Set<String> currencies, ReturnUrlAllowList returnUrls,
                                 Predicate<String> forbiddenInCustomInfo) {
        if (currencies == null || currencies.isEmpty()) {
            throw new IllegalArgumentException("supported currency set is empty");
        }
        this.currencies = Set.copyOf(currencies);
        this.returnUrls = Objects.requireNonNull(returnUrls, "returnUrls");
        this.forbiddenInCustomInfo = Objects.requireNonNull(forbiddenInCustomInfo, "forbiddenInCustomInfo");
    }

    private StartPaymentValidator(Set<String> currencies) {
        this.currencies = Set.copyOf(currencies);
        this.returnUrls = null;
        this.forbiddenInCustomInfo = value -> true;
    }

    /** A validator of recurring terms alone, for a flow without return URL or buyer fields (custom widgets). */
    public static StartPaymentValidator forRecurringTerms(Set<String> currencies) {
        return new StartPaymentValidator(currencies);
    }

    /** Mode and plan of a {@code recurring} object, or a {@link ValidationException} listing every problem. */
    public ValidStartPayment.Recurring validateRecurring(RecurringCommand r) {
        List<ValidationError> errors = new ArrayList<>();
        ValidStartPayment.Recurring valid = recurring(r, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return valid;
    }

    /** The validated command, or a {@link ValidationException} listing every problem. */
    public ValidStartPayment validate(StartPaymentCommand c) {
        if (returnUrls == null) {
            throw new IllegalStateException("this validator checks recurring terms only");
        }
        List<ValidationError> errors = new ArrayList<>();
        BigDecimal amount = amount(c.amount(), errors);
        String currency = currency(c.currency(), errors);
        String orderId = orderId(c.orderId(), errors);
        Buyer buyer = buyer(c.buyerName(), c.buyerEmail(), errors);
        String language = language(c.language(), errors);
        Map<String, String> customInfo = customInfo(c.customInfo(), errors);
        if (c.returnUrl() == null || c.returnUrl().isBlank()) {
            errors.add(new ValidationError("returnUrl", "is required"));
        } else if (!returnUrls.allows(c.returnUrl())) {
            errors.add(new ValidationError("returnUrl", "is not on the allowed return URL list"));
        }
        ValidStartPayment.Recurring recurring = recurring(c.recurring(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ValidStartPayment(amount, currency, orderId, buyer, language, customInfo, c.returnUrl().strip(),
                recurring);
    }

    /** Mode and plan; amount and currency follow the payment's own rules, reported under recurring.plan. */
    private ValidStartPayment.Recurring recurring(RecurringCommand r, List<ValidationError> errors) {
        if (r == null) {
            return null;
        }
        List<ValidationError> plan = new ArrayList<>();
        RecurringMode mode = RecurringMode.fromWire(r.mode()).orElse(null);
        if (mode == null) {
            errors.add(new ValidationError("recurring.mode", "must be paynowandrecurring or onlyrecurring"));
        }
        BigDecimal amount = amount(r.amount(), plan);
        String currency = currency(r.currency(), plan);
        Period interval = parsedOrNull(r.interval(), Period::parse);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            plan.add(new ValidationError("interval", "must be a positive ISO-8601 period like P1M or P7D"));
        }
        Instant startAt = parsedOrNull(r.startAt(), Instant::parse);
        if (r.startAt() != null && startAt == null) {
            plan.add(new ValidationError("startAt", "must be an ISO-8601 instant like 2025-01-31T09:00:00Z"));
        }
        Integer cycles = parsedOrNull(r.cycles(), Integer::valueOf);
        if (r.cycles() != null && (cycles == null || cycles < 1)) {
            plan.add(new ValidationError("cycles", "must be a whole number of at least 1"));
        }
        plan.forEach(e -> errors.add(new ValidationError("recurring.plan." + e.field(), e.message())));
        if (mode == null || !plan.isEmpty()) {
            return null;
        }
        return new ValidStartPayment.Recurring(mode, new Plan(amount, currency, interval, startAt, cycles));
    }

    /** {@code s} (stripped) as {@code parser} reads it; null when it is absent or does not parse. */
    private static <T> T parsedOrNull(String s, Function<String, T> parser) {
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal amount(String s, List<ValidationError> errors) {
        return AmountField.parse("amount", s, errors);
    }

    private String currency(String s, List<ValidationError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(new ValidationError("currency", "is required"));
            return null;
        }
        String code = s.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            errors.add(new ValidationError("currency", "must be an ISO 4217 code like EUR"));
        } else if (!currencies.contains(code)) {
            errors.add(new ValidationError("currency", "is not supported"));
        }
        return code;
    }

    private static String orderId(String s, List<ValidationError> errors) {
        if (s == null || s.isEmpty()) {
            errors.add(new ValidationError("orderId", "is required"));
        } else if (s.length() > MAX_ORDER_ID_LENGTH) {
            errors.add(new ValidationError("orderId", "is longer than " + MAX_ORDER_ID_LENGTH + " characters"));
        } else if (!ORDER_ID.matcher(s).matches()) {
            errors.add(new ValidationError("orderId", "may contain only letters, digits, '_' and '-'"));
        }
        return s;
    }

    private static Buyer buyer(String name, String email, List<ValidationError> errors) {
        String n = blankToNull(name);
        String e = blankToNull(email);
        if (n != null && n.length() > MAX_BUYER_FIELD_LENGTH) {
            errors.add(new ValidationError("buyer.name", "is longer than " + MAX_BUYER_FIELD_LENGTH + " characters"));
        }
        if (e != null && e.length() > MAX_BUYER_FIELD_LENGTH) {
            errors.add(new ValidationError("buyer.email", "is longer than " + MAX_BUYER_FIELD_LENGTH + " characters"));
        } else if (e != null && !EMAIL.matcher(e).matches()) {
            errors.add(new ValidationError("buyer.email", "is not an e-mail address"));
        }
        return new Buyer(n, e);
    }

    private static String language(String s, List<ValidationError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String code = s.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            errors.add(new ValidationError("language", "must be one of it, en, es, fr, de"));
        }
        return code;
    }

    private Map<String, String> customInfo(Map<String, String> info, List<ValidationError> errors) {
        if (info == null || info.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, String> e : info.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            String field = "customInfo." + key;
            if (key == null || key.isEmpty() || key.length() > MAX_CUSTOM_INFO_KEY_LENGTH
                    || !CUSTOM_INFO_KEY.matcher(key).matches()) {
                errors.add(new ValidationError("customInfo", "keys must be 1-" + MAX_CUSTOM_INFO_KEY_LENGTH
                        + " letters, digits or '_'"));
                continue;
            }
            if (value.length() > MAX_CUSTOM_INFO_VALUE_LENGTH) {
                errors.add(new ValidationError(field, "is longer than " + MAX_CUSTOM_INFO_VALUE_LENGTH + " characters"));
            } else if (forbiddenInCustomInfo.test(value) || value.contains(CUSTOM_INFO_SEPARATOR)) {
                errors.add(new ValidationError(field, "contains characters Axerve does not accept"));
            }
            total += (total == 0 ? 0 : CUSTOM_INFO_SEPARATOR.length()) + key.length() + 1 + value.length();
            out.put(key, value);
        }
        if (total > MAX_CUSTOM_INFO_LENGTH) {
            errors.add(new ValidationError("customInfo", "is longer than " + MAX_CUSTOM_INFO_LENGTH
                    + " characters in total"));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
