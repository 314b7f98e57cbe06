package io.wavebench.drivers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay forwards bytes; a cut resets open connections and refuses new ones until restored. */
class TcpRelayTest {

    private ServerSocket upstream;
    private TcpRelay relay;

    @BeforeEach
    void echoService() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!upstream.isClosed()) {
                try {
                    Socket s = upstream.accept();
                    Thread echo = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            int b;
                            while ((b = in.read()) >= 0) out.write(b);
                        } catch (IOException ignored) {
                            // the relay went away
                        }
                    });
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "echo service");
        t.setDaemon(true);
        t.start();
        relay = TcpRelay.start("test", URI.create("http://127.0.0.1:" + upstream.getLocalPort() + "/"));
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        upstream.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.uri().getPort());
        s.setSoTimeout(5_000);
        return s;
    }

    private static int echo(Socket s, int b) throws IOException {
        s.getOutputStream().write(b);
        return s.getInputStream().read();
    }

    @Test
    void cut_resets_open_connections_and_new_ones_until_restored() throws IOException {
        try (Socket device = connect()) {
            assertEquals(42, echo(device, 42), "relayed to the service and back");
            relay.cut();
            // A reset, not an orderly end of stream (read() would return -1 for that).
            assertThrows(SocketException.class, () -> device.getInputStream().read());
        }
        try (Socket late = connect()) {
            assertThrows(SocketException.class, () -> late.getInputStream().read(), "refused while cut");
        }
        relay.restore();
        try (Socket again = connect()) {
            assertEquals(7, echo(again, 7), "the network is back");
        }
    }

    @Test
    void a_service_that_is_not_up_yet_refuses_connections_until_it_is() throws IOException {
        AtomicReference<URI> where = new AtomicReference<>();
        try (TcpRelay late = TcpRelay.start("late service", () -> Optional.ofNullable(where.get()))) {
            try (Socket early = new Socket(InetAddress.getLoopbackAddress(), late.uri().getPort())) {
                early.setSoTimeout(5_000);
                assertThrows(SocketException.class, () -> early.getInputStream().read(), "refused while the service is not up");
            }
            where.set(URI.create("http://127.0.0.1:" + upstream.getLocalPort() + "/"));
            try (Socket now = new Socket(InetAddress.getLoopbackAddress(), late.uri().getPort())) {
                now.setSoTimeout(5_000);
                assertEquals(9, echo(now, 9), "relayed once the service is up");
            }
        }
    }
}
