package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.axpay.soap.AxerveTransportException.Reason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A hostile Axerve (or man in the middle) cannot make us read local files or expand entities. */
class XmlHardeningTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";
    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();

    /** A Decrypt answer with that DOCTYPE and a ShopTransactionID of {@code reference} is refused as malformed. */
    private AxerveTransportException decryptRefuses(String doctype, String reference) {
        fake.respondXml("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + doctype
                + Soap.crypt("Decrypt", Soap.fields("TransactionType", "DECRYPT", "TransactionResult", "OK",
                        "ShopTransactionID", reference, "ErrorCode", "0")).substring(38));
        AxerveClient client = AxerveClient.create(fake.config().build());
        AxerveTransportException e = assertThrows(AxerveTransportException.class, () -> client.decrypt("abc"));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
        return e;
    }

    private static String everything(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void externalEntityIsNotResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        AxerveTransportException e = decryptRefuses(
                "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
        assertFalse(everything(e).contains(SECRET));
    }

    @Test
    void billionLaughsIsRejected() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        decryptRefuses(dtd.toString(), "&l10;");
    }
}
