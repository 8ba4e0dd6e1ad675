package com.axpay.doctor;

import com.axpay.doctor.Report.Entry;
import com.axpay.doctor.Report.Section;
import java.util.ArrayList;
import java.util.List;

/** What to enter where, in Amazon Pay Seller Central and the Axerve Back Office, for one stack and environment. */
final class SetupGuide {
    private SetupGuide() {
    }

    static List<Section> sections(AxerveTarget target, StackUrls stack, String shopLogin, boolean apikeySet,
            List<String> customInfoKeys) {
        List<Section> sections = new ArrayList<>();
        if (target.isReal()) {
            sections.add(sellerCentralClient(target.amazonPay()));
            sections.add(sellerCentralMws(target.amazonPay()));
            sections.add(backOfficeAmazonPay(target));
            sections.add(backOfficeResponseAddresses(target, stack, shopLogin));
        } else {
            sections.add(simulatorProfile(target, stack, shopLogin));
        }
        sections.add(backOfficeFields(target, customInfoKeys));
        sections.add(backOfficeSecurity(target, stack, apikeySet));
        return sections;
    }

    private static String backOfficeTitle(AxerveTarget target) {
        return target.isReal() ? "Axerve Back Office (" + target.name() + ")"
                : "Axerve Back Office (when you move to sandbox or production)";
    }

    private static Section sellerCentralClient(AmazonPaySettings amazon) {
        return new Section("sellerCentral.client",
                "Amazon Pay Seller Central (" + amazon.sellerCentralView() + " view): client configuration",
                "Integration > Integration Central > Manage client ID/store ID(s) > View client ID/store ID(s) >"
                        + " Edit (or Create new configuration); page: " + AmazonPaySettings.INTEGRATION_CENTRAL,
                List.of(new Entry("allowedJavaScriptOrigins", "Allowed JavaScript Origins", amazon.javaScriptOrigin()),
                        new Entry("allowedReturnUrls", "Allowed Return URLs", amazon.returnUrl()),
                        new Entry("allowedReturnUrlsMobile", "Allowed Return URLs (Mobile)", amazon.mobileReturnUrl()),
                        new Entry("ipnUrl", "IPN Notification URL", amazon.ipnUrl())),
                List.of("Switch Seller Central to the " + amazon.sellerCentralView() + " view before editing.",
                        "These are Axerve's addresses, not this stack's: Amazon talks to Axerve's payment page, and"
                                + " Axerve then reports the result to the stack."));
    }

    private static Section sellerCentralMws(AmazonPaySettings amazon) {
        return new Section("sellerCentral.mws",
                "Amazon Pay Seller Central (" + amazon.sellerCentralView() + " view): MWS token for Axerve",
                "Settings > User Permissions > Authorise a developer",
                List.of(new Entry("mwsDeveloperName", "Developer's Name", AmazonPaySettings.MWS_DEVELOPER_NAME),
                        new Entry("mwsDeveloperId", "Developer ID", AmazonPaySettings.MWS_DEVELOPER_ID)),
                List.of("Amazon then lists the MWS token under Amazon MWS Developer Permissions: it lets Axerve act"
                        + " for your seller account. Enter it, with your Amazon Pay credentials, in the Axerve Back"
                        + " Office (next section)."));
    }

    private static Section backOfficeAmazonPay(AxerveTarget target) {
        return new Section("backOffice.amazonPay",
                backOfficeTitle(target) + ": Amazon Pay",
                "the Amazon Pay payment method of your shop",
                List.of(new Entry("paymentType", "Payment type to enable", "AMAZONPAY"),
                        new Entry("showAddressWidget", "Show Address Widget",
                                "ticked if you ship physical goods; unticked for digital goods or services")),
                List.of("Enter the Amazon Pay credentials and the MWS token from Seller Central here, in the "
                                + target.name() + " Back Office (sandbox and production are set up separately).",
                        "With the address widget the buyer picks the shipping address in Amazon's window, and the"
                                + " stack reads it afterwards with callReadTrxS2S."));
    }

    private static Section backOfficeResponseAddresses(AxerveTarget target, StackUrls stack, String shopLogin) {
        return new Section("backOffice.responseUrls",
                backOfficeTitle(target) + ": response addresses"
                        + (shopLogin == null ? "" : " of shop " + shopLogin),
                "Configuration > Environment > Response Address",
                responseEntries(stack),
                List.of("Axerve sends the buyer's browser to the positive or negative URL, and calls the server-to-"
                                + "server URL on its own (GET ?a=<shop login>&b=<encrypted result>): that call is"
                                + " what records the payment, so it must reach the stack from the internet.",
                        "These addresses belong to the shop login: one shop login serves one stack."));
    }

    /** The simulator's merchant profile stands in for the Back Office of a custom environment. */
    private static Section simulatorProfile(AxerveTarget target, StackUrls stack, String shopLogin) {
        String login = shopLogin == null ? "{shopLogin}" : shopLogin;
        return new Section("backOffice.responseUrls",
                "Response addresses (" + target.baseUrl() + " is not a real Axerve environment)",
                "the simulator's merchant profile: PUT " + target.baseUrl() + "/_sim/merchants/" + login
                        + " with positiveUrl, negativeUrl and s2sUrl (or start it with --positive-url,"
                        + " --negative-url and --s2s-url)",
                responseEntries(stack),
                List.of("A custom environment such as the local simulator plays the Amazon journey itself: Seller"
                        + " Central needs nothing. Run the doctor with --env sandbox or --env production for the"
                        + " real settings."));
    }

    private static List<Entry> responseEntries(StackUrls stack) {
        return List.of(new Entry("positiveUrl", "URL for positive response", stack.positiveUrl()),
                new Entry("negativeUrl", "URL for negative response", stack.negativeUrl()),
                new Entry("serverToServerUrl", "URL Server to Server", stack.s2sUrl()));
    }

    private static Section backOfficeFields(AxerveTarget target, List<String> customInfoKeys) {
        List<Entry> entries = customInfoKeys.stream()
                .filter(StackWarnings::isAcceptedKey)
                .map(k -> new Entry("customInfo." + k, "Parameter", k))
                .toList();
        List<String> notes = new ArrayList<>();
        notes.add("Every key the storefront sends in customInfo must be declared here as a parameter, or Axerve"
                + " refuses the payment with error 1107. Mark it as returned in the response too if your systems"
                + " want it back with the result.");
        if (customInfoKeys.isEmpty()) {
            notes.add("No keys given: list the storefront's customInfo keys with --custom-info-keys k1,k2; if it"
                    + " sends none, there is nothing to declare.");
        }
        return new Section("backOffice.fields",
                backOfficeTitle(target) + ": Fields & Parameters used by customInfo",
                "Payment Page > Fields & Parameters", entries, notes);
    }

    private static Section backOfficeSecurity(AxerveTarget target, StackUrls stack, boolean apikeySet) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("apikey", "apikey (" + DoctorOptions.ENV_APIKEY + ")", apikeySet ? "set" : "not set"));
        if (stack.staticEgressIp() != null) {
            entries.add(new Entry("ipAllowList", "IP Address (allow-list)", stack.staticEgressIp()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Depending on the shop's profile, Axerve checks each call's apikey, its IPv4 address against the"
                + " allow-list (IPv6 is not supported), or both. The apikey is generated in the Back Office and goes to the stack as a"
                + " secret, never into the template or a command line.");
        notes.add("Lambda's own egress addresses change, so an IP allow-list needs a fixed one. "
                + StaticEgress.HOW_TO);
        return new Section("backOffice.security",
                backOfficeTitle(target) + ": how the stack authenticates",
                "Configuration > Security", entries, notes);
    }
}
