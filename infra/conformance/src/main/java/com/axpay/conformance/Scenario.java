package com.axpay.conformance;

import static com.axpay.conformance.Step.call;
import static com.axpay.conformance.Step.p;
import static com.axpay.conformance.Step.pay;

import java.util.ArrayList;
import java.util.List;

/** Every call the run plays, in order. Ids of shop transactions are the run's prefix plus a letter. */
final class Scenario {
    static final String AMAZON = "<paymentType>AMAZONPAY</paymentType>";
    private static final String ORDER_STATE = "OrderReferenceDetails/OrderReferenceStatus/State";

    private Scenario() {}

    static List<Step> steps() {
        List<Step> s = new ArrayList<>();
        // SOAP framing, as clients not written here send it
        s.add(call("soap12-encrypt", "Encrypt", "Encrypt over SOAP 1.2 (action in the Content-Type)")
                .framing(SoapCaller.Framing.SOAP12).params(c -> encrypt(c, c.id("S12"), "1.00", null, null))
                .checks("soap12"));
        s.add(call("soap11-no-soapaction", "Encrypt", "SOAP 1.1 without the SOAPAction header")
                .framing(SoapCaller.Framing.SOAP11_NO_ACTION).params(c -> encrypt(c, c.id("NA"), "1.00", null, null))
                .checks("soapaction-required"));
        s.add(call("content-type-application-xml", "Encrypt", "Content-Type application/xml")
                .framing(SoapCaller.Framing.PLAIN_XML).params(c -> encrypt(c, c.id("AX"), "1.00", null, null))
                .checks("content-type"));

        // Encrypt in each mode
        s.add(call("encrypt-plain", "Encrypt", "Encrypt AMAZONPAY, no token")
                .params(c -> encrypt(c, c.id("A"), "10.00", null, "ORDER_REF=" + c.id("A")))
                .keep((c, a) -> c.vars.put("cryptA", a.value("CryptDecryptString"))).checks("crypt-string"));
        s.add(call("encrypt-paynowandrecurring", "Encrypt", "Encrypt AMAZONPAY paynowandrecurring")
                .params(c -> encrypt(c, c.id("B"), "9.99", "paynowandrecurring", null))
                .keep((c, a) -> c.vars.put("cryptB", a.value("CryptDecryptString"))).checks("crypt-string"));
        s.add(call("encrypt-onlyrecurring", "Encrypt", "Encrypt AMAZONPAY onlyrecurring")
                .params(c -> encrypt(c, c.id("C"), "1.00", "onlyrecurring", null))
                .keep((c, a) -> c.vars.put("cryptC", a.value("CryptDecryptString"))).checks("crypt-string"));
        s.add(call("encrypt-custominfo-percent-encoded", "Encrypt", "customInfo value with %2B")
                .params(c -> encrypt(c, c.id("D"), "1.00", null, "STORE_NAME=Negozio%2BAbc"))
                .checks("custominfo-percent"));
        s.add(call("encrypt-custominfo-bare-percent", "Encrypt", "customInfo value with a bare %")
                .params(c -> encrypt(c, c.id("E"), "1.00", null, "NOTE=50%")).checks("custominfo-percent"));

        // documented refusals
        s.add(call("encrypt-unknown-shop", "Encrypt", "Encrypt for a shop that does not exist")
                .params(c -> p("shopLogin", "GESPAY" + c.prefix.substring(c.prefix.length() - 5).toUpperCase(),
                        "uicCode", "242", "amount", "1.00", "shopTransactionId", c.id("U"), "paymentTypes", AMAZON,
                        "apikey", c.target.apikey()))
                .checks("validation-codes"));
        s.add(call("encrypt-missing-amount", "Encrypt", "Encrypt without amount")
                .params(c -> p("shopLogin", c.target.shopLogin(), "uicCode", "242", "shopTransactionId", c.id("M"),
                        "paymentTypes", AMAZON, "apikey", c.target.apikey()))
                .checks("validation-codes"));
        s.add(call("encrypt-forbidden-character", "Encrypt", "shopTransactionId with a space")
                .params(c -> encrypt(c, c.prefix + " F", "1.00", null, null)).checks("validation-codes"));

        // Decrypt of bad strings
        s.add(call("decrypt-foreign-string", "Decrypt", "Decrypt of a string Axerve did not issue")
                .params(c -> p("shopLogin", c.target.shopLogin(), "CryptedString", "NotAString" + c.prefix,
                        "apikey", c.target.apikey()))
                .checks("decrypt-invalid"));
        s.add(call("decrypt-no-shop", "Decrypt", "Decrypt without shopLogin")
                .params(c -> p("CryptedString", "NotAString" + c.prefix, "apikey", c.target.apikey()))
                .checks("decrypt-invalid"));

        // a paid payment: Decrypt, query by either id, reuse, wrong states, refunds
        s.add(pay("buyer-pays-A", "cryptA", "success", "bA", "the buyer pays payment A"));
        s.add(call("decrypt-good", "Decrypt", "Decrypt of the result of payment A").requires("bA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "CryptedString", c.v("bA"), "apikey", c.target.apikey()))
                .compare("ShopTransactionID", "Currency", "Amount", "PaymentMethod")
                .keep((c, a) -> c.vars.put("bankA", a.value("BankTransactionID"))).checks("decrypt-vbv"));
        s.add(call("readtrx-by-shop-id", "callReadTrxS2S", "callReadTrxS2S by shopTransactionId").requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "shopTransactionId", c.id("A"), "apikey", c.target.apikey()))
                .compare("TransactionState", ORDER_STATE, "Company")
                .checks("readtrx-draft", "readtrx-no-amount", "address-line2", "immediate-capture"));
        s.add(call("readtrx-by-bank-id", "callReadTrxS2S", "callReadTrxS2S by bankTransactionId").requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "bankTransactionId", c.v("bankA"), "apikey", c.target.apikey()))
                .compare("TransactionState", "ShopTransactionID").checks("readtrx-no-amount", "immediate-capture"));
        s.add(call("readtrx-unfinished", "callReadTrxS2S", "callReadTrxS2S of a payment nobody paid")
                .params(c -> p("shopLogin", c.target.shopLogin(), "shopTransactionId", c.id("D"), "apikey", c.target.apikey()))
                .checks("readtrx-unfinished"));
        s.add(call("encrypt-reused-id", "Encrypt", "Encrypt again with the paid shopTransactionId").requires("bankA")
                .params(c -> encrypt(c, c.id("A"), "10.00", null, null)).checks("reused-id"));
        s.add(call("pagam-reused-id", "callPagamS2S", "callPagamS2S with the paid shopTransactionId").requires("bankA")
                .params(c -> pagam(c, c.id("A"), "242", "10.00", AMAZON, null, "S02-1234567-" + digits(c)))
                .checks("reused-id", "pagam-ko-full"));
        s.add(call("settle-captured", "callSettleS2S", "callSettleS2S of a captured payment").requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "uicCode", "242", "amount", "10.00",
                        "shopTransID", c.id("A"), "bankTransID", c.v("bankA"), "apikey", c.target.apikey()))
                .checks("wrong-state"));
        s.add(call("delete-captured", "callDeleteS2S", "callDeleteS2S of a captured payment").requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "shopTransactionId", c.id("A"),
                        "bankTransactionId", c.v("bankA"), "apikey", c.target.apikey()))
                .checks("wrong-state"));
        s.add(refund("refund-partial", "partial refund 1.00 of 10.00", "1.00"));
        s.add(refund("refund-over-balance", "refund 100.00, over the balance", "100.00"));
        s.add(refund("refund-rest", "refund the remaining 9.00", "9.00"));
        s.add(call("readtrx-refunded", "callReadTrxS2S", "callReadTrxS2S after the full refund").requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "bankTransactionId", c.v("bankA"), "apikey", c.target.apikey()))
                .compare("TransactionState").checks("refund-events"));

        // tokens
        s.add(pay("buyer-pays-B", "cryptB", "success", "bB", "the buyer pays payment B (paynowandrecurring)"));
        s.add(call("decrypt-paynowandrecurring", "Decrypt", "Decrypt of payment B: the token").requires("bB")
                .params(c -> p("shopLogin", c.target.shopLogin(), "CryptedString", c.v("bB"), "apikey", c.target.apikey()))
                .compare("Amount").keep((c, a) -> c.vars.put("token", a.value("TOKEN"))).checks("paynowandrecurring"));
        s.add(call("token-charge", "callPagamS2S", "callPagamS2S with the token").requires("token")
                .params(c -> pagam(c, c.id("B1"), "242", "4.99", AMAZON, c.v("token"), null))
                .compare("Amount").checks("token-charges"));
        s.add(call("token-delete", "callDeleteTokenS2S", "callDeleteTokenS2S").requires("token")
                .params(c -> p("tokenValue", c.v("token"), "shopLogin", c.target.shopLogin(), "apikey", c.target.apikey()))
                .checks("token-charges"));
        s.add(call("token-charge-after-delete", "callPagamS2S", "callPagamS2S with the deleted token").requires("token")
                .params(c -> pagam(c, c.id("B2"), "242", "4.99", AMAZON, c.v("token"), null))
                .checks("token-charges", "pagam-ko-full"));
        s.add(pay("buyer-pays-C", "cryptC", "success", "bC", "the buyer completes payment C (onlyrecurring)"));
        s.add(call("decrypt-onlyrecurring", "Decrypt", "Decrypt of payment C: token only").requires("bC")
                .params(c -> p("shopLogin", c.target.shopLogin(), "CryptedString", c.v("bC"), "apikey", c.target.apikey()))
                .compare("Amount").checks("onlyrecurring"));

        // callPagamS2S refusals
        s.add(call("pagam-missing-field", "callPagamS2S", "callPagamS2S without uicCode")
                .params(c -> pagam(c, c.id("P1"), null, "1.00", AMAZON, null, "S02-7654321-" + digits(c)))
                .checks("pagam-ko-full", "validation-codes"));
        s.add(call("pagam-unknown-token", "callPagamS2S", "callPagamS2S with a token that does not exist")
                .params(c -> pagam(c, c.id("P2"), "242", "1.00", AMAZON, "C02-0000000-0000000", null))
                .checks("pagam-ko-full"));
        s.add(call("pagam-wrong-payment-type", "callPagamS2S", "callPagamS2S CREDITCARD without card data")
                .params(c -> pagam(c, c.id("P3"), "242", "1.00", "<paymentType>CREDITCARD</paymentType>", null, null))
                .checks("pagam-ko-full"));

        // a decline (the simulator plays it; on Axerve's page a buyer cannot choose one)
        s.add(call("encrypt-declined", "Encrypt", "Encrypt for a payment Amazon declines")
                .params(c -> encrypt(c, c.id("H"), "10.00", null, null))
                .keep((c, a) -> c.vars.put("cryptH", a.value("CryptDecryptString"))));
        s.add(pay("buyer-declined-H", "cryptH", "invalid-payment-method-hard", "bH", "payment H is declined by Amazon"));
        s.add(call("decrypt-declined", "Decrypt", "Decrypt of the declined payment H").requires("bH")
                .params(c -> p("shopLogin", c.target.shopLogin(), "CryptedString", c.v("bH"), "apikey", c.target.apikey()))
                .checks("amazon-declines"));
        s.add(call("readtrx-declined", "callReadTrxS2S", "callReadTrxS2S of the declined payment H").requires("bH")
                .params(c -> p("shopLogin", c.target.shopLogin(), "shopTransactionId", c.id("H"), "apikey", c.target.apikey()))
                .compare(ORDER_STATE, "OrderReferenceDetails/OrderReferenceStatus/ReasonCode").checks("amazon-declines"));

        // separate capture (a second shop configured so)
        s.add(call("encrypt-deferred", "Encrypt", "Encrypt on the separate-capture shop").onDeferredShop()
                .params(c -> deferredEncrypt(c, c.id("F")))
                .keep((c, a) -> c.vars.put("cryptF", a.value("CryptDecryptString"))));
        s.add(pay("buyer-pays-F", "cryptF", "success", "bF", "the buyer pays payment F (separate capture)").onDeferredShop());
        s.add(call("decrypt-deferred", "Decrypt", "Decrypt of payment F").requires("bF").onDeferredShop()
                .params(c -> p("shopLogin", c.target.deferredShopLogin(), "CryptedString", c.v("bF"),
                        "apikey", c.target.deferredApikey()))
                .keep((c, a) -> c.vars.put("bankF", a.value("BankTransactionID"))));
        s.add(settle("settle-over-authorization", "settle 50.00 of an authorization of 10.00", "50.00"));
        s.add(settle("settle-authorized", "settle the authorization", "10.00"));
        s.add(settle("settle-again", "settle it a second time", "10.00"));
        s.add(call("encrypt-deferred-void", "Encrypt", "Encrypt on the separate-capture shop, to void").onDeferredShop()
                .params(c -> deferredEncrypt(c, c.id("G")))
                .keep((c, a) -> c.vars.put("cryptG", a.value("CryptDecryptString"))));
        s.add(pay("buyer-pays-G", "cryptG", "success", "bG", "the buyer pays payment G (separate capture)").onDeferredShop());
        s.add(call("decrypt-deferred-void", "Decrypt", "Decrypt of payment G").requires("bG").onDeferredShop()
                .params(c -> p("shopLogin", c.target.deferredShopLogin(), "CryptedString", c.v("bG"),
                        "apikey", c.target.deferredApikey()))
                .keep((c, a) -> c.vars.put("bankG", a.value("BankTransactionID"))));
        s.add(delete("delete-authorized", "callDeleteS2S of an authorization"));
        s.add(delete("delete-again", "callDeleteS2S of the same payment again"));
        return s;
    }

    private static Step refund(String id, String title, String amount) {
        return call(id, "callRefundS2S", title).requires("bankA")
                .params(c -> p("shopLogin", c.target.shopLogin(), "uicCode", "242", "amount", amount,
                        "shopTransactionId", c.id("A"), "bankTransactionId", c.v("bankA"), "apikey", c.target.apikey()))
                .checks("refund-events");
    }

    private static Step settle(String id, String title, String amount) {
        return call(id, "callSettleS2S", title).requires("bankF").onDeferredShop()
                .params(c -> p("shopLogin", c.target.deferredShopLogin(), "uicCode", "242", "amount", amount,
                        "shopTransID", c.id("F"), "bankTransID", c.v("bankF"), "apikey", c.target.deferredApikey()))
                .checks("deferred-capture");
    }

    private static Step delete(String id, String title) {
        return call(id, "callDeleteS2S", title).requires("bankG").onDeferredShop()
                .params(c -> p("shopLogin", c.target.deferredShopLogin(), "shopTransactionId", c.id("G"),
                        "bankTransactionId", c.v("bankG"), "apikey", c.target.deferredApikey()))
                .checks("deferred-capture");
    }

    static java.util.Map<String, String> encrypt(Step.Context c, String id, String amount, String agreement,
                                                String customInfo) {
        return p("shopLogin", c.target.shopLogin(), "uicCode", "242", "amount", amount, "shopTransactionId", id,
                "buyerName", "Conformance Buyer", "buyerEmail", "buyer@example.com", "languageId", "1",
                "customInfo", customInfo, "paymentTypes", AMAZON, "amazonPayBillingAgreementDescription", agreement,
                "apikey", c.target.apikey());
    }

    private static java.util.Map<String, String> deferredEncrypt(Step.Context c, String id) {
        return p("shopLogin", c.target.deferredShopLogin(), "uicCode", "242", "amount", "10.00",
                "shopTransactionId", id, "paymentTypes", AMAZON, "apikey", c.target.deferredApikey());
    }

    private static java.util.Map<String, String> pagam(Step.Context c, String id, String uic, String amount,
                                                      String types, String token, String transKey) {
        return p("shopLogin", c.target.shopLogin(), "uicCode", uic, "amount", amount, "shopTransactionId", id,
                "buyerName", "Conformance Buyer", "buyerEmail", "buyer@example.com", "transKey", transKey,
                "customInfo", "ORDER_REF=" + id, "tokenValue", token, "paymentTypes", types, "apikey", c.target.apikey());
    }

    /** Seven digits from the run's prefix, so order reference ids differ between runs. */
    private static String digits(Step.Context c) {
        String d = String.valueOf(Math.abs(c.prefix.hashCode()) % 10_000_000);
        return "0".repeat(7 - d.length()) + d;
    }
}
