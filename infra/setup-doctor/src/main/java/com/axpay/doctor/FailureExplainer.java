package com.axpay.doctor;

import com.axpay.doctor.CheckResult.Problem;
import com.axpay.soap.AxerveAuthenticationException;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveException;
import com.axpay.soap.AxerveSystemException;
import com.axpay.soap.AxerveTransportException;
import java.util.List;

/** Turns a failed credential check into what went wrong and what to change, in the merchant's terms. */
final class FailureExplainer {
    private FailureExplainer() {
    }

    static CheckResult explain(AxerveException e, AxerveTarget target, AxerveConfig config) {
        String shop = config.shopLogin();
        if (e instanceof AxerveAuthenticationException auth) {
            return auth.reason() == AxerveAuthenticationException.Reason.IP_NOT_ALLOWED
                    ? ipNotAllowed(shop)
                    : invalidApikey(shop, target, config.apikey() != null);
        }
        if (e instanceof AxerveTransportException t) {
            return transport(t, target, config);
        }
        if (e instanceof AxerveSystemException) {
            return CheckResult.failed(Problem.AXERVE_ERROR, "Axerve answered with its technical error ("
                    + e.errorCode() + ").", List.of("This is on Axerve's side: try again later; if it"
                    + " persists, contact Axerve support with the time of the check."));
        }
        return switch (String.valueOf(e.errorCode())) {
            case "1131" -> CheckResult.failed(Problem.UNKNOWN_SHOP,
                    target.labelStartingASentence() + " does not know shop login " + shop + " (1131).",
                    List.of("Check the spelling of the shop login.",
                            "Shop logins belong to one environment: a sandbox (test) shop login does not exist in"
                                    + " production, nor the other way round. Pass the matching --env."));
            case "1132" -> CheckResult.failed(Problem.INACTIVE_SHOP,
                    "Shop " + shop + " exists at " + target.label() + " but is not active (1132).",
                    List.of("Ask Axerve to activate the shop; until then it cannot take payments."));
            case "1111" -> CheckResult.failed(Problem.REQUEST_REFUSED,
                    "Axerve refused the test payment's currency, EUR (1111).",
                    List.of("Enable EUR for shop " + shop + " with Axerve, or the stack cannot take euro payments."));
            default -> CheckResult.failed(Problem.REQUEST_REFUSED,
                    "Axerve refused the test Encrypt with error " + e.errorCode() + ".",
                    List.of("Look the code up in Axerve's error table; Axerve's own description is shown"
                            + " below."));
        };
    }

    private static CheckResult ipNotAllowed(String shop) {
        return CheckResult.failed(Problem.IP_NOT_ALLOWED,
                "Axerve refused the address this check came from (1142): shop " + shop
                        + " only accepts calls from the IPv4 addresses on its allow-list.",
                List.of("The list is in the Back Office under Configuration > Security > IP Address; Axerve"
                                + " compares the public IPv4 address of the caller (IPv6 is not supported).",
                        "To run the doctor or the local stack from this machine, add this machine's public IPv4"
                                + " address to the list.",
                        "The Lambda functions call from AWS addresses that change. " + StaticEgress.HOW_TO,
                        "Or, if your Axerve profile allows it, authenticate with an apikey instead of the"
                                + " allow-list and set " + DoctorOptions.ENV_APIKEY + "."));
    }

    private static CheckResult invalidApikey(String shop, AxerveTarget target, boolean apikeySent) {
        String readKey = "Set it without leaving it in the shell history, e.g. `read -rs " + DoctorOptions.ENV_APIKEY
                + " && export " + DoctorOptions.ENV_APIKEY + "`, then run the doctor again.";
        if (!apikeySent) {
            return CheckResult.failed(Problem.INVALID_APIKEY,
                    "Shop " + shop + " needs an apikey, and " + DoctorOptions.ENV_APIKEY + " is not set (1169).",
                    List.of("Generate the apikey in " + target.backOffice() + " (Configuration > Security)"
                                    + " and store it as the stack's apikey secret too.",
                            readKey));
        }
        return CheckResult.failed(Problem.INVALID_APIKEY,
                target.labelStartingASentence() + " did not accept the apikey in " + DoctorOptions.ENV_APIKEY + " for shop " + shop
                        + " (1169).",
                List.of(target.isReal()
                                ? "Copy the apikey again from " + target.backOffice() + " (Configuration > Security):"
                                        + " sandbox and production keys differ, and each belongs to one shop login."
                                : "Use the apikey of " + target.backOffice() + " (GET " + target.baseUrl()
                                        + "/_sim/merchants/" + shop + ").",
                        "Check it for missing characters, quotes or spaces. " + readKey));
    }

    private static CheckResult transport(AxerveTransportException t, AxerveTarget target, AxerveConfig config) {
        String endpoint = target.environment().cryptDecryptEndpoint().toString();
        String simulator = target.isReal() ? ""
                : " If this is the local simulator, check that it is running on that port.";
        return switch (t.reason()) {
            case CONNECT_FAILED -> CheckResult.failed(Problem.UNREACHABLE,
                    "Could not connect to " + endpoint + ": host unreachable, unknown or refusing connections,"
                            + " or the TLS handshake failed.",
                    List.of("Check --env / " + DoctorOptions.ENV_AXERVE_ENV + "." + simulator,
                            "Check this machine's internet access, proxy and firewall for outgoing HTTPS."));
            case CONNECT_TIMEOUT -> CheckResult.failed(Problem.TIMEOUT,
                    "No connection to " + endpoint + " within " + config.connectTimeout().toSeconds() + " s.",
                    List.of("A firewall may be dropping outgoing traffic, or the host is down." + simulator,
                            "Try again; if it persists, check the network path to Axerve."));
            case READ_TIMEOUT -> CheckResult.failed(Problem.TIMEOUT,
                    endpoint + " accepted the connection but did not answer within "
                            + config.readTimeout().toSeconds() + " s.",
                    List.of("Axerve may be slow or down: try again later."));
            default -> CheckResult.failed(Problem.NOT_AXERVE,
                    endpoint + " did not answer like Axerve (" + t.reason()
                            + (t.httpStatus() > 0 ? ", HTTP " + t.httpStatus() : "") + ").",
                    List.of("Check that --env / " + DoctorOptions.ENV_AXERVE_ENV + " names an Axerve environment.",
                            "If it does, Axerve may be having trouble: try again later."));
        };
    }
}
