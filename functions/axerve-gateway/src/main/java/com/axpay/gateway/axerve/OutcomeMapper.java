package com.axpay.gateway.axerve;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.soap.AxerveResult;
import com.axpay.soap.UicCurrency;

/** Axerve's parsed result in core terms: its verdict (see {@link AxerveVerdicts}), UIC currency to ISO, Amazon addresses and buyer to core records. */
final class OutcomeMapper {

    /** Marks a currency code Axerve sent that is not in the UIC table, so it never equals an ISO code. */
    static final String UNKNOWN_UIC_PREFIX = "UIC:";

    private OutcomeMapper() {
    }

    static GatewayOutcome toOutcome(AxerveResult r) {
        AxerveResult.OrderReferenceDetails ord = r.orderReferenceDetails();
        return new GatewayOutcome(
                AxerveVerdicts.verdict(r),
                AxerveVerdicts.decline(r),
                r.errorCode(),
                r.errorDescription(),
                r.shopTransactionId(),
                r.bankTransactionId(),
                r.authorizationCode(),
                r.amountValue(),
                isoCurrency(r.currency()),
                buyer(r),
                ord == null ? null : address(ord.destination()),
                ord == null ? null : address(ord.billingAddress()),
                r.token());
    }

    static String isoCurrency(String uic) {
        if (uic == null) {
            return null;
        }
        return UicCurrency.fromUic(uic).map(UicCurrency::iso).orElse(UNKNOWN_UIC_PREFIX + uic);
    }

    /** Axerve's own buyer fields first; Amazon's buyer (callReadTrxS2S) fills what they lack. */
    private static Buyer buyer(AxerveResult r) {
        Buyer axerve = r.buyer() == null ? null : new Buyer(blankToNull(r.buyer().name()), blankToNull(r.buyer().email()));
        AxerveResult.AmazonBuyer amazon =
                r.orderReferenceDetails() == null ? null : r.orderReferenceDetails().buyer();
        Buyer fromAmazon = amazon == null ? null : new Buyer(blankToNull(amazon.name()), blankToNull(amazon.email()));
        if (axerve == null) {
            return fromAmazon;
        }
        return axerve.orElse(fromAmazon);
    }

    private static Address address(AxerveResult.PhysicalAddress a) {
        if (a == null) {
            return null;
        }
        String line2 = a.addressLine2();
        if (a.addressLine3() != null) {
            line2 = line2 == null ? a.addressLine3() : line2 + ", " + a.addressLine3();
        }
        return new Address(a.name(), a.addressLine1(), line2, a.city(), a.postalCode(), a.stateOrRegion(),
                a.countryCode(), a.phone());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
