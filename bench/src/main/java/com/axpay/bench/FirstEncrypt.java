package com.axpay.bench;

import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.soap.EncryptRequest;
import java.net.URI;

/**
 * Cold-start probe: builds a client for the base URL in args[0] (the simulator on 127.0.0.1), does one Encrypt and
 * prints the milliseconds from {@code -Dt0=<epoch ms>} (taken just before {@code java}) to the client being built
 * and to the Encrypt being answered.
 */
public final class FirstEncrypt {
    private FirstEncrypt() {
    }

    public static void main(String[] args) {
        String t0Property = System.getProperty("t0");
        if (args.length < 1 || t0Property == null) {
            System.err.println("usage: java -Dt0=<epoch ms> ... FirstEncrypt <base URL> [shopLogin]");
            System.exit(2);
        }
        long t0 = Long.parseLong(t0Property);
        AxerveClient client = AxerveClient.create(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(URI.create(args[0])))
                .shopLogin(args.length > 1 ? args[1] : "GESPAY00001").build());
        long built = System.currentTimeMillis();
        client.encrypt(EncryptRequest.builder().uicCode("242").amount("10.00")
                .shopTransactionId("bench-" + System.nanoTime()).paymentType("AMAZONPAY").build());
        long done = System.currentTimeMillis();
        System.out.println("client_ready_ms=" + (built - t0) + " first_encrypt_ms=" + (done - t0));
    }
}
