package com.axpay.doctor;

import com.axpay.doctor.Report.Entry;
import com.axpay.doctor.Report.Section;
import java.io.PrintStream;
import java.util.List;

/** Plain text for people: a heading per place to fill in, and every value alone on its line, ready to copy. */
final class TextReport {
    private static final int WIDTH = 100;

    private TextReport() {
    }

    static void print(Report r, PrintStream out) {
        heading(out, "Axerve setup doctor", '=');
        out.println("Axerve environment: " + r.axerve().environment() + " (" + r.axerve().baseUrl() + ")");
        out.println("Stack (" + r.stack().source() + "): "
                + (r.stack().apiUrl() == null ? "API URL not given" : r.stack().apiUrl()));
        out.println("Shop login: " + (r.shopLogin() == null ? "not set" : r.shopLogin()));
        out.println(DoctorOptions.ENV_APIKEY + ": " + (r.apikeySet() ? "set" : "not set"));

        if (!r.warnings().isEmpty()) {
            heading(out, "Warnings", '-');
            r.warnings().forEach(w -> wrapped(out, "! ", w));
        }
        int n = 1;
        for (Section s : r.sections()) {
            heading(out, n++ + ". " + s.title(), '-');
            wrapped(out, "Where: ", s.where());
            for (Entry e : s.entries()) {
                out.println();
                out.println(e.label() + ":");
                out.println(e.value());
            }
            if (!s.notes().isEmpty()) {
                out.println();
                s.notes().forEach(note -> wrapped(out, "- ", note));
            }
        }
        CheckResult c = r.check();
        heading(out, n + ". Credential check (Encrypt)", '-');
        out.println("Result: " + c.status() + (c.problem() == null ? "" : " (" + c.problem() + ")"));
        if (c.shopTransactionId() != null) {
            out.println("shopTransactionId: " + c.shopTransactionId());
        }
        wrapped(out, "", c.summary());
        if (c.errorCode() != null) {
            out.println("Axerve said: " + c.errorCode() + " " + nullToEmpty(c.errorDescription()));
        }
        c.advice().forEach(a -> wrapped(out, "- ", a));
    }

    private static void heading(PrintStream out, String title, char underline) {
        out.println();
        out.println(title);
        out.println(String.valueOf(underline).repeat(title.length()));
    }

    /** Word-wraps prose (never values) with a hanging indent under the prefix. */
    private static void wrapped(PrintStream out, String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : List.of(text.split(" "))) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
