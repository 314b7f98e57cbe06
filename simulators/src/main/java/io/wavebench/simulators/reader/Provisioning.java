package io.wavebench.simulators.reader;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavebench.simulators.backend.api.Json;
import io.wavebench.simulators.token.Ed25519;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader must be given to take part (DESIGN §5.7): the issuer keys it verifies tokens
 * with, the ticketing key its kiosk function verifies tickets with, the backend's URL, its kiosk's
 * identity, and the clock check it applies (DESIGN §5.1). A JSON file, format
 * {@value #FORMAT}; {@code wavebench rig provision} writes one for a rig and the reference reader
 * reads it ({@code --provision FILE}):
 * <pre>
 * {"format": "wavebench-provisioning/1", "readerId": "bench-reader-1",
 *  "backendUrl": "http://127.0.0.1:18080",
 *  "issuerKeys": [{"keyId": 1, "publicKey": "&lt;64 hex&gt;"}],
 *  "ticketingKey": {"keyId": 1, "publicKey": "&lt;64 hex&gt;"},
 *  "kiosk": {"kioskId": "kiosk-1", "cinemaId": 7, "cinemaName": "CINEMA 7"},
 *  "clock": {"skewAllowanceSeconds": 120, "tokenFreshnessSeconds": 60}}
 * </pre>
 * {@code backendUrl}, {@code ticketingKey} and {@code kiosk} may be absent (no uplink, no kiosk).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provisioning(String format, String readerId, URI backendUrl, List<Key> issuerKeys, Key ticketingKey, Kiosk kiosk, ClockCheck clock) {

    public static final String FORMAT = "wavebench-provisioning/1";

    public Provisioning {
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("provisioning: format must be '" + FORMAT + "', got '" + format + "'");
        if (readerId == null || !readerId.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("provisioning: readerId must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + readerId + "'");
        if (issuerKeys == null || issuerKeys.isEmpty()) throw new IllegalArgumentException("provisioning: at least one issuer key is needed (DESIGN §5.1)");
        if (clock == null) throw new IllegalArgumentException("provisioning: the clock check is missing");
        issuerKeys = List.copyOf(issuerKeys);
    }

    /** A raw Ed25519 public key (DESIGN §5.1), as 64 hex digits, with its key id (a u8). */
    public record Key(int keyId, String publicKey) {
        public Key {
            if (keyId < 0 || keyId > 255) throw new IllegalArgumentException("provisioning: key id " + keyId + " is not a u8");
            if (publicKey == null || !publicKey.matches("[0-9a-f]{" + 2 * Ed25519.PUBLIC_KEY_BYTES + "}")) {
                throw new IllegalArgumentException("provisioning: key " + keyId + " must be " + 2 * Ed25519.PUBLIC_KEY_BYTES + " lower-case hex digits");
            }
        }

        public static Key of(int keyId, PublicKey key) {
            return new Key(keyId, HexFormat.of().formatHex(Ed25519.rawPublicKey(key)));
        }

        public PublicKey toPublicKey() {
            return Ed25519.publicKey(HexFormat.of().parseHex(publicKey));
        }
    }

    public record Kiosk(String kioskId, long cinemaId, String cinemaName) {
        public Kiosk {
            if (kioskId == null || cinemaName == null) throw new IllegalArgumentException("provisioning: a kiosk needs its kioskId and cinemaName");
        }
    }

    /** DESIGN §5.1: the skew allowed between the reader's clock and a phone's, and how old a token may be. */
    public record ClockCheck(long skewAllowanceSeconds, long tokenFreshnessSeconds) {
        public ClockCheck {
            if (skewAllowanceSeconds < 0 || tokenFreshnessSeconds <= 0) {
                throw new IllegalArgumentException("provisioning: clock check needs skew >= 0 s and freshness > 0 s, got " + skewAllowanceSeconds + " s and " + tokenFreshnessSeconds + " s");
            }
        }

        public Duration skewAllowance() {
            return Duration.ofSeconds(skewAllowanceSeconds);
        }

        public Duration tokenFreshness() {
            return Duration.ofSeconds(tokenFreshnessSeconds);
        }
    }

    /** The issuer keys as a reader installs them, by key id. */
    public Map<Integer, PublicKey> issuerPublicKeys() {
        Map<Integer, PublicKey> out = new LinkedHashMap<>();
        for (Key k : issuerKeys) out.put(k.keyId(), k.toPublicKey());
        return out;
    }

    public static Provisioning read(Path file) {
        try {
            return mapper().readValue(Files.readAllBytes(file), Provisioning.class);
        } catch (JsonProcessingException e) {
            Throwable rule = e.getCause();
            throw new IllegalArgumentException("provisioning file " + file + ": " + (rule instanceof IllegalArgumentException ? rule.getMessage() : e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("provisioning file " + file + " cannot be read", e);
        }
    }

    /** Writes the file: two-space indented JSON, fields in this record's order, a newline at the end. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("provisioning file " + file + " cannot be written", e);
        }
    }

    public String toJson() {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper().writer(pretty).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provisioning: cannot write " + this, e);
        }
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }
}
