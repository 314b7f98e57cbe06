package io.wavebench.drivers.net;

import io.wavebench.drivers.wait.DeviceNotReadyException;
import io.wavebench.drivers.wait.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A device's intermittent network (DESIGN §1: "intermittent network (HTTP)") as a real TCP relay
 * on the loopback interface: the device talks to {@link #uri()}, the relay forwards bytes to the
 * upstream service. {@link #cut()} is the network going away: every open connection is reset
 * and new ones are closed as soon as they arrive, so the device's HTTP client fails the way it
 * does when a kiosk's uplink drops. {@link #restore()} brings it back. Nothing above TCP is
 * looked at.
 */
public final class TcpRelay implements AutoCloseable {

    private final String name;
    /** Where to forward a new connection; empty while the service is not up (the connection is refused). */
    private final Supplier<Optional<URI>> upstream;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean up = true;
    private volatile boolean closed;

    private TcpRelay(String name, Supplier<Optional<URI>> upstream, ServerSocket server) {
        this.name = name;
        this.upstream = upstream;
        this.server = server;
        this.acceptor = new Thread(this::accept, "relay " + name);
        this.acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port and forwards to {@code upstream}'s host and port. */
    public static TcpRelay start(String name, URI upstream) {
        Optional<URI> fixed = Optional.of(upstream);
        return start(name, () -> fixed);
    }

    /**
     * Listens on a free loopback port and forwards each new connection to where {@code upstream}
     * says the service is at that moment; while it says nowhere (a service not started yet),
     * connections are refused as when the service is down.
     */
    public static TcpRelay start(String name, Supplier<Optional<URI>> upstream) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpRelay relay = new TcpRelay(name, upstream, server);
            relay.acceptor.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("network " + name + ": cannot listen on the loopback interface", e);
        }
    }

    /**
     * Listens on {@code listen} (a fixed address a device was provisioned with, e.g. a reader
     * process that outlives this relay) and forwards as {@link #start(String, Supplier)} does. The address may be taken
     * again at once after an earlier relay on it closed (SO_REUSEADDR).
     */
    public static TcpRelay startAt(String name, InetSocketAddress listen, Supplier<Optional<URI>> upstream) {
        // The previous holder of the address (the relay of the scenario before) has just closed it;
        // now and then the bind is refused for a moment after that on a loaded host, so it is tried
        // again for up to a second before another run is blamed.
        ServerSocket[] bound = {null};
        BindException[] refused = {null};
        try {
            Wait.until("listening", () -> (bound[0] = bind(name, listen, refused)) != null,
                            () -> refused[0] == null ? "nothing yet" : refused[0].getMessage())
                    .withStartupTimeout(BIND_WITHIN)
                    .waitUntilReady("network " + name + " on " + listen);
        } catch (DeviceNotReadyException e) {
            throw new UncheckedIOException("network " + name + ": cannot listen on " + listen + " (" + e.lastSeen() + " for "
                    + BIND_WITHIN.toMillis() + " ms: is another run or program using it?)", refused[0]);
        }
        TcpRelay relay = new TcpRelay(name, upstream, bound[0]);
        relay.acceptor.start();
        return relay;
    }

    /** A socket bound to {@code listen}, or null (and the refusal in {@code refused[0]}) while the address is in use. */
    private static ServerSocket bind(String name, InetSocketAddress listen, BindException[] refused) {
        try {
            ServerSocket server = new ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(listen, 50);
                return server;
            } catch (IOException e) {
                server.close();
                throw e;
            }
        } catch (BindException e) {
            refused[0] = e;
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("network " + name + ": cannot listen on " + listen + " (" + e.getMessage() + ")", e);
        }
    }

    /** How long {@link #startAt} keeps trying an address that is refused as in use. */
    static final Duration BIND_WITHIN = Duration.ofSeconds(1);

    /** Where the device connects: the upstream's URI with this relay's port. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    public String name() {
        return name;
    }

    /** The network goes away: open connections are reset, new ones closed on arrival. */
    public void cut() {
        up = false;
        // Arm every socket for a reset before closing any: closing one side ends its pump threads,
        // which close the other side themselves, and that close must reset too, not end gracefully.
        for (Socket s : open) armReset(s);
        for (Socket s : open) reset(s);
        open.clear();
    }

    public void restore() {
        up = true;
    }

    private void accept() {
        while (!closed) {
            Socket device;
            try {
                device = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!up) {
                reset(device);
                continue;
            }
            Optional<URI> target = upstream.get();
            if (target.isEmpty()) {
                reset(device);
                continue;
            }
            Socket service;
            try {
                service = new Socket(target.get().getHost(), target.get().getPort());
            } catch (IOException | IllegalArgumentException e) {
                reset(device);
                continue;
            }
            open.add(device);
            open.add(service);
            if (!up) {
                // Cut while this connection was being made: cut() could not see it yet.
                open.remove(device);
                open.remove(service);
                reset(device);
                reset(service);
                continue;
            }
            pump(device, service, "up");
            pump(service, device, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a cut or either side closing: both sides go
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay " + name + " " + direction);
        t.setDaemon(true);
        t.start();
    }

    /** Closes with an RST (linger 0), as a dropped route looks to the client. */
    private static void reset(Socket s) {
        armReset(s);
        closeQuietly(s);
    }

    /** Linger 0: whoever closes {@code s} from now on sends an RST. */
    private static void armReset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed, or closing anyway
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public String toString() {
        return "TcpRelay[" + name + " " + uri() + " -> " + upstream.get().map(URI::toString).orElse("(service not up)") + (up ? "" : ", cut") + "]";
    }
}
