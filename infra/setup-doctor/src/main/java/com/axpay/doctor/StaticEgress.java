package com.axpay.doctor;

/**
 * The template's optional fixed egress address for shops that authenticate by IP allow-list: Lambda's own egress
 * addresses change, so the functions go out through a VPC NAT gateway with an Elastic IP instead.
 */
final class StaticEgress {
    /** template.yaml parameter that turns the VPC + NAT gateway + Elastic IP on. */
    static final String PARAMETER = "EnableStaticEgressIp";

    static final String HOW_TO = "Deploy the stack with the template parameter " + PARAMETER + "=true to give"
            + " the functions one fixed IPv4 address (a VPC NAT gateway with an Elastic IP, stack output "
            + StackUrls.OUTPUT_STATIC_EGRESS_IP + ") and add that address to the allow-list.";

    private StaticEgress() {
    }
}
