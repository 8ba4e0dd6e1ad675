package com.axpay.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The stack's listening ports: a taken one is reported with the variable that moves it, not as a stack trace. */
final class Ports {

    private Ports() {
    }

    /** One message per port another process holds on 127.0.0.1, naming its variable. */
    static List<String> taken(Map<String, Integer> portsByVariable) {
        List<String> taken = new ArrayList<>();
        portsByVariable.forEach((variable, port) -> {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free: closed again at once, for the part that listens on it
            } catch (IOException e) {
                taken.add(message(variable, port));
            }
        });
        return taken;
    }

    /** Starts a part on its port; losing the port to another process after the check is reported the same way. */
    static <T> T binding(String variable, int port, Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (Exception e) {
            if (isBindFailure(e)) {
                throw new LocalStack.StartupFailure(message(variable, port));
            }
            throw e;
        }
    }

    static String message(String variable, int port) {
        return "port " + port + " on 127.0.0.1 is taken by another process: stop it, or set " + variable
                + " to a free port (e.g. " + variable + "=" + (port + 10000 <= 65535 ? port + 10000 : port - 10000)
                + " infra/local/run)";
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null
                    && (t.getMessage().contains("Address already in use") || t.getMessage().contains("bind")))) {
                return true;
            }
        }
        return false;
    }
}
