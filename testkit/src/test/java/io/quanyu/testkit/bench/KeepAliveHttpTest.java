package io.quanyu.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveHttpTest {

    private HttpServer server;
    private KeepAliveHttp http;
    /** Client ports the server saw: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        http = new KeepAliveHttp("http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        connections.add(ex.getRemoteAddress().getPort());
        String path = ex.getRequestURI().toString();
        byte[] request = ex.getRequestBody().readAllBytes();
        if (path.startsWith("/status/")) {
            ex.sendResponseHeaders(Integer.parseInt(path.substring(8)), -1);
        } else if (path.startsWith("/chunked/")) {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < Integer.parseInt(path.substring(9)); i++) {
                    out.write(("part " + i + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } else if (path.equals("/echo")) {
            ex.getResponseHeaders().set("Content-Type", ex.getRequestHeaders().getFirst("Content-Type"));
            reply(ex, request);
        } else if (path.equals("/close")) {
            ex.getResponseHeaders().set("Connection", "close");
            reply(ex, "closing".getBytes(StandardCharsets.UTF_8));
        } else {
            reply(ex, ("you asked for " + path).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void getsAFixedLengthBodyAndKeepsTheConnection() throws IOException {
        KeepAliveHttp.Reply reply = http.get("/hello?x=1");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("you asked for /hello?x=1");
        for (int i = 0; i < 50; i++) {
            assertThat(http.get("/n/" + i).bodyText()).isEqualTo("you asked for /n/" + i);
        }
        assertThat(connections).hasSize(1);
    }

    @Test
    void readsAChunkedBodyAndReusesTheConnectionAfterIt() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            expected.append("part ").append(i).append(';');
        }
        assertThat(http.get("/chunked/3000").bodyText()).isEqualTo(expected.toString());
        assertThat(http.get("/chunked/0").body()).isEmpty();
        assertThat(http.get("/after").bodyText()).isEqualTo("you asked for /after");
        assertThat(connections).hasSize(1);
    }

    @Test
    void errorStatusesAreRepliesNotExceptions() throws IOException {
        assertThat(http.get("/status/404").status()).isEqualTo(404);
        assertThat(http.get("/status/500").status()).isEqualTo(500);
        assertThat(http.get("/status/204").body()).isEmpty();
        assertThat(http.get("/ok").status()).isEqualTo(200);
        assertThat(connections).hasSize(1);
    }

    @Test
    void postsABodyIntact() throws IOException {
        byte[] small = "{\"q\":\"grüße\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(http.post("/echo", "application/json", small).body()).isEqualTo(small);
        byte[] large = new byte[300_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        KeepAliveHttp.Reply reply = http.post("/echo", "application/octet-stream", large);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(large);
        assertThat(http.post("/echo", "text/plain", new byte[0]).body()).isEmpty();
        assertThat(connections).hasSize(1);
    }

    @Test
    void servesManyVirtualThreadsAtOnce() throws Exception {
        List<Future<String>> replies = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 32; t++) {
                replies.add(threads.submit(() -> {
                    StringBuilder wrong = new StringBuilder();
                    for (int i; (i = next.getAndIncrement()) < 200; ) {
                        KeepAliveHttp.Reply reply = http.get("/r/" + i);
                        if (reply.status() != 200 || !reply.bodyText().equals("you asked for /r/" + i)) {
                            wrong.append(i).append(' ').append(reply.status()).append(' ').append(reply.bodyText()).append('\n');
                        }
                    }
                    return wrong.toString();
                }));
            }
        }
        for (Future<String> r : replies) {
            assertThat(r.get()).isEmpty();
        }
        assertThat(connections.size()).isBetween(1, 32);
    }

    @Test
    void connectionCloseFromTheServerIsHonoured() throws IOException {
        assertThat(http.get("/close").bodyText()).isEqualTo("closing");
        assertThat(http.get("/next").bodyText()).isEqualTo("you asked for /next");
        assertThat(connections).hasSize(2);
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsRetriedOnAFreshOne() throws Exception {
        // A server that answers once per connection and then just closes it, without saying so.
        try (ServerSocket once = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             KeepAliveHttp client = new KeepAliveHttp("http://localhost:" + once.getLocalPort())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread serving = Thread.ofVirtual().start(() -> {
                while (!once.isClosed()) {
                    try (Socket s = once.accept()) {
                        accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        for (int matched = 0, b; matched < 4 && (b = in.read()) >= 0; ) { // up to the blank line
                            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                        }
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            for (int i = 0; i < 5; i++) {
                KeepAliveHttp.Reply reply = client.get("/x");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.bodyText()).isEqualTo("ok");
                Thread.sleep(20); // lets the close arrive, so the pooled connection is surely stale
            }
            assertThat(accepted.get()).isEqualTo(5);
            once.close();
            serving.join();
        }
    }

    @Test
    void aServerRestartDoesNotFailTheNextRequest() throws IOException {
        int port = server.getAddress().getPort();
        assertThat(http.get("/before").status()).isEqualTo(200);
        server.stop(0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
        assertThat(http.get("/after").bodyText()).isEqualTo("you asked for /after");
    }
}
