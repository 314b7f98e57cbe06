package io.wavebench.simulators.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.ErrorBody;
import io.wavebench.simulators.backend.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over the JDK's HTTP server: a route table, and one translation of every failure into a
 * status and an {@link ErrorBody} naming a {@link BackendError}. The endpoints themselves are
 * declared by {@code SimulatedBackend}.
 */
public final class BackendHttpServer implements AutoCloseable {

    /** A request as a handler sees it: path groups, query parameters, the body as JSON. */
    public record Request(String method, Matcher path, Map<String, String> query, byte[] body, ObjectMapper json) {

        public String pathParam(int group) {
            return URLDecoder.decode(path.group(group), StandardCharsets.UTF_8);
        }

        public <T> T body(Class<T> type) throws IOException {
            if (body.length == 0) throw new BackendException(BackendError.MALFORMED_JSON, "the request has no body; expected " + type.getSimpleName() + " JSON");
            return json.readValue(body, type);
        }

        /** A query parameter as a long, or {@code fallback} when absent. */
        public Long queryLong(String name, Long fallback) {
            String v = query.get(name);
            if (v == null) return fallback;
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new BackendException(BackendError.INVALID_REQUEST, "query parameter " + name + " must be an integer, got '" + v + "'");
            }
        }
    }

    /** What a handler returns: a status and a body to write as JSON. */
    public record Response(int status, Object body) {

        public static Response ok(Object body) {
            return new Response(200, body);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {}

    private static final Logger LOG = LoggerFactory.getLogger(BackendHttpServer.class);
    private static final int MAX_BODY_BYTES = 16 << 20;

    private final List<Route> routes = new ArrayList<>();
    private final ObjectMapper json = Json.mapper();
    private HttpServer server;
    private ExecutorService executor;

    /** Declares an endpoint; {@code pathRegex} must match the whole path, its groups are path parameters. */
    public BackendHttpServer route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    /** Binds the loopback address; port 0 takes a free one. */
    public URI start(int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backend-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void exchange(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Response response;
        try {
            response = dispatch(ex, method, path);
        } catch (BackendException e) {
            response = error(e.error(), e.getMessage());
        } catch (JsonMappingException e) {
            // A value a record refused (its constructor's rule) or the wrong shape of JSON.
            Throwable rule = e.getCause();
            if (rule instanceof IllegalArgumentException) response = error(BackendError.INVALID_REQUEST, rule.getMessage());
            else response = error(BackendError.MALFORMED_JSON, describe(e));
        } catch (JsonProcessingException e) {
            response = error(BackendError.MALFORMED_JSON, describe(e));
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            response = error(BackendError.INTERNAL, method + " " + path + ": " + e);
        }
        if (response.status() >= 500) LOG.warn("{} {} -> {} {}", method, path, response.status(), ((ErrorBody) response.body()).message());
        byte[] bytes = json.writeValueAsBytes(response.body());
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response dispatch(HttpExchange ex, String method, String path) throws Exception {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!m.matches()) continue;
            pathKnown = true;
            if (!route.method().equals(method)) continue;
            return route.handler().handle(new Request(method, m, query(ex.getRequestURI()), body(ex), json));
        }
        if (pathKnown) throw new BackendException(BackendError.METHOD_NOT_ALLOWED, method + " is not allowed on " + path);
        throw new BackendException(BackendError.NOT_FOUND, "no endpoint " + method + " " + path);
    }

    private static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) throw new BackendException(BackendError.INVALID_REQUEST, "body larger than " + MAX_BODY_BYTES + " bytes");
            return bytes;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    private static String describe(JsonProcessingException e) {
        var at = e.getLocation();
        return e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    private static Response error(BackendError error, String message) {
        return new Response(error.httpStatus(), new ErrorBody(error.name(), message));
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
