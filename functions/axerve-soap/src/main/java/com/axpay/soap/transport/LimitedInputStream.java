package com.axpay.soap.transport;

import com.axpay.soap.AxerveTransportException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Counts response bytes as the parser pulls them and fails once the limit is passed, so an oversized body is never
 * read whole. Read errors become {@link TransportFailure}s, which parsers do not swallow into "malformed XML".
 * A failure is sticky: Metro drains the rest of the message in a {@code finally} after JAXB gave up, and that read
 * must repeat the first failure, not replace it with "stream is closed".
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final Runnable abort;
    private long count;
    private TransportFailure failure;

    LimitedInputStream(InputStream in, long limit, Runnable abort) {
        super(in);
        this.limit = limit;
        this.abort = abort;
    }

    @Override
    public int read() throws IOException {
        int b = guarded(() -> super.read());
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        // never ask for more than one byte past the limit
        int n = guarded(() -> super.read(buf, off, (int) Math.min(len, limit - count + 1)));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        int skipped = guarded(() -> (int) super.skip(Math.min(n, limit - count + 1)));
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    private interface Read {
        int run() throws IOException;
    }

    private int guarded(Read read) {
        if (failure != null) {
            throw failure;
        }
        try {
            return read.run();
        } catch (SocketTimeoutException e) {
            throw failure = new TransportFailure(Reason.READ_TIMEOUT, 0, "response body not received in time", e);
        } catch (IOException e) {
            throw failure = new TransportFailure(Reason.IO_ERROR, 0, "connection failed while reading the response",
                    e);
        }
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            failure = new TransportFailure(Reason.OVERSIZED_RESPONSE, 0, "response larger than " + limit + " bytes",
                    null);
            abort.run();
            throw failure;
        }
    }
}
