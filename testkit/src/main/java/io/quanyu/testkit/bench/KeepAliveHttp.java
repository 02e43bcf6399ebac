package io.quanyu.testkit.bench;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A lean HTTP/1.1 keep-alive client for load generation, so that the load takes little CPU from the service it measures. */
public final class KeepAliveHttp implements AutoCloseable {

    /** A response: its status and its whole body. */
    public record Reply(int status, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int TIMEOUT_MS = 10_000;
    private static final byte[] GET = ascii("GET ");
    private static final byte[] POST = ascii("POST ");
    private static final byte[] CRLF = ascii("\r\n");

    private final InetSocketAddress address;
    private final byte[] versionAndHost;
    // LIFO, so that the connections in use stay warm and the surplus ones just sit idle.
    private final ConcurrentLinkedDeque<Conn> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** baseUrl is http://host[:port]; the paths given to get and post start at its root. */
    public KeepAliveHttp(String baseUrl) {
        this(baseUrl, null);
    }

    /** Every request with this Authorization header (a bench reading personal data as the reader); none when null. */
    public KeepAliveHttp(String baseUrl, String authorization) {
        URI uri = URI.create(baseUrl);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawPath().length() > 1) {
            throw new IllegalArgumentException("expected http://host[:port], got " + baseUrl);
        }
        address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        versionAndHost = ascii(" HTTP/1.1\r\nHost: " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n"));
    }

    public Reply get(String pathAndQuery) throws IOException {
        return send(GET, pathAndQuery, null, null);
    }

    public Reply post(String pathAndQuery, String contentType, byte[] body) throws IOException {
        return send(POST, pathAndQuery, Objects.requireNonNull(contentType), body);
    }

    @Override
    public void close() {
        closed = true;
        for (Conn c; (c = idle.pollFirst()) != null; ) {
            c.close();
        }
    }

    private Reply send(byte[] method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        byte[] target = pathAndQuery.getBytes(StandardCharsets.UTF_8);
        Conn pooled = idle.pollFirst();
        if (pooled != null) {
            long before = pooled.received;
            try {
                return exchange(pooled, method, target, contentType, body);
            } catch (IOException e) {
                // A connection the server dropped while it was idle fails before any byte of a response: the request
                // almost surely never reached the service, so it goes once more on a fresh connection. Not after a
                // timeout, though: then the service may well be working on it.
                if (pooled.received != before || e instanceof SocketTimeoutException) {
                    throw e;
                }
            }
        }
        return exchange(open(), method, target, contentType, body);
    }

    private Reply exchange(Conn c, byte[] method, byte[] target, String contentType, byte[] body) throws IOException {
        boolean reuse = false;
        try {
            c.write(method, target, versionAndHost, contentType, body);
            Reply reply = c.read();
            reuse = c.keepAlive;
            return reply;
        } finally {
            if (reuse && !closed) {
                idle.offerFirst(c);
                if (closed && idle.remove(c)) { // close() ran in between and missed it
                    c.close();
                }
            } else {
                c.close();
            }
        }
    }

    private Conn open() throws IOException {
        if (closed) {
            throw new IOException("client closed");
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(address, TIMEOUT_MS);
            return new Conn(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** One socket. Reads go through its own buffer so that the parser works on plain arrays, without a stream's lock per byte. */
    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buf = new byte[8192];
        int pos, lim;
        byte[] line = new byte[256];
        long received; // bytes read so far: tells a connection that was already dead from a response that broke off
        boolean keepAlive;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        }

        void write(byte[] method, byte[] target, byte[] versionAndHost, String contentType, byte[] body) throws IOException {
            out.write(method);
            out.write(target);
            out.write(versionAndHost);
            if (body == null) {
                out.write(CRLF);
            } else {
                out.write(ascii("Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n"));
                out.write(body);
            }
            out.flush();
        }

        Reply read() throws IOException {
            int n = readLine();
            if (n < 12 || line[0] != 'H' || line[8] != ' ' || !digit(line[9]) || !digit(line[10]) || !digit(line[11])) {
                throw new IOException("bad status line: " + new String(line, 0, n, StandardCharsets.ISO_8859_1));
            }
            int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            keepAlive = line[7] != '0'; // HTTP/1.0 closes unless it says keep-alive
            long length = -1;
            boolean chunked = false;
            while ((n = readLine()) > 0) {
                int colon = 0;
                while (colon < n && line[colon] != ':') {
                    colon++;
                }
                if (colon == 14 && at(0, "content-length")) {
                    length = 0;
                    for (int i = colon + 1; i < n && (digit(line[i]) || line[i] == ' ' || line[i] == '\t'); i++) {
                        length = digit(line[i]) ? length * 10 + (line[i] - '0') : length;
                    }
                } else if (colon == 17 && at(0, "transfer-encoding")) {
                    chunked = contains(colon, n, "chunked");
                } else if (colon == 10 && at(0, "connection")) {
                    keepAlive = !contains(colon, n, "close") && (keepAlive || contains(colon, n, "keep-alive"));
                }
            }
            if (chunked) {
                return new Reply(status, readChunked());
            }
            if (length > Integer.MAX_VALUE - 8 || (length < 0 && status != 204 && status != 304)) {
                throw new IOException("unsupported response: status " + status + ", neither chunked nor of a known length");
            }
            byte[] body = new byte[(int) Math.max(length, 0)];
            readFully(body, 0, body.length);
            return new Reply(status, body);
        }

        private byte[] readChunked() throws IOException {
            byte[] body = new byte[1024];
            int size = 0;
            for (int chunk; ; size += chunk) {
                int n = readLine();
                chunk = 0;
                for (int i = 0, d; i < n && (d = Character.digit(line[i], 16)) >= 0; i++) { // stops at any extension
                    if (chunk > Integer.MAX_VALUE >> 4) {
                        throw new IOException("chunk too large");
                    }
                    chunk = chunk * 16 + d;
                }
                if (chunk == 0) {
                    while (readLine() > 0) { // trailers, unused
                    }
                    return Arrays.copyOf(body, size);
                }
                if (body.length - size < chunk) {
                    body = Arrays.copyOf(body, Math.max(body.length * 2, size + chunk));
                }
                readFully(body, size, chunk);
                if (readLine() != 0) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        /** Reads a line into line, without its CR LF; returns its length. */
        private int readLine() throws IOException {
            for (int n = 0; ; ) {
                if (pos == lim && fill() < 0) {
                    throw new EOFException("connection closed by the server");
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                }
                if (n == line.length) {
                    line = Arrays.copyOf(line, n * 2);
                }
                line[n++] = b;
            }
        }

        private void readFully(byte[] dst, int off, int len) throws IOException {
            int done = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, dst, off, done);
            pos += done;
            for (int r; done < len; done += r) { // the rest of a large body skips the buffer
                r = in.read(dst, off + done, len - done);
                if (r < 0) {
                    throw new EOFException("connection closed within a body");
                }
                received += r;
            }
        }

        private int fill() throws IOException {
            int r = in.read(buf, 0, buf.length);
            if (r > 0) {
                pos = 0;
                lim = r;
                received += r;
            }
            return r;
        }

        /** Whether word (lower case) is at line[i], ignoring ASCII case. */
        private boolean at(int i, String word) {
            for (int j = 0; j < word.length(); j++) {
                if ((line[i + j] | 0x20) != word.charAt(j)) { // the bit leaves '-' as it is
                    return false;
                }
            }
            return true;
        }

        private boolean contains(int from, int to, String word) {
            for (int i = from; i + word.length() <= to; i++) {
                if (at(i, word)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean digit(byte b) {
            return b >= '0' && b <= '9';
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
