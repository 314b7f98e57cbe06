package io.wavebench.drivers.sound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The sound protocols on the class path ({@link ServiceLoader}, DESIGN §4): wavebench's own and
 * whatever jars a team adds. A rig file's {@code acoustic.protocol} and {@code --protocol} name one.
 */
public final class SoundProtocols {

    /** wavebench's own OFDM modem: the protocol when a rig file names none. */
    public static final String DEFAULT = "wavebench";

    private SoundProtocols() {}

    /** Every protocol found, by name, in class-path order; two with one name is an error naming both classes. */
    public static Map<String, SoundProtocol> all() {
        Map<String, SoundProtocol> byName = new LinkedHashMap<>();
        for (SoundProtocol p : ServiceLoader.load(SoundProtocol.class, SoundProtocols.class.getClassLoader())) add(byName, p);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != SoundProtocols.class.getClassLoader()) {
            for (SoundProtocol p : ServiceLoader.load(SoundProtocol.class, context)) {
                SoundProtocol known = byName.get(p.name());
                if (known == null || known.getClass() != p.getClass()) add(byName, p);
            }
        }
        return byName;
    }

    /** The protocol called {@code name} (case-insensitive), or an error naming those on the class path. */
    public static SoundProtocol named(String name) {
        Map<String, SoundProtocol> all = all();
        for (SoundProtocol p : all.values()) if (p.name().equalsIgnoreCase(name)) return p;
        throw new IllegalArgumentException("no sound protocol '" + name + "' on the class path; known: " + String.join(", ", all.keySet())
                + " (a protocol is a jar whose META-INF/services/" + SoundProtocol.class.getName() + " names its class)");
    }

    private static void add(Map<String, SoundProtocol> byName, SoundProtocol p) {
        if (p.name() == null || !p.name().matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalStateException("sound protocol " + p.getClass().getName() + " is named '" + p.name() + "': a name is lower-case letters, digits and dashes");
        }
        SoundProtocol clash = byName.putIfAbsent(p.name(), p);
        if (clash != null && clash.getClass() != p.getClass()) {
            throw new IllegalStateException("two sound protocols are named '" + p.name() + "': " + clash.getClass().getName() + " and " + p.getClass().getName());
        }
    }

    /** Every mode of every protocol as {@code protocol/mode}, for --help. */
    public static List<String> described() {
        List<String> out = new ArrayList<>();
        for (SoundProtocol p : all().values()) out.add(p.name() + " (" + String.join(", ", p.modes()) + "): " + p.description());
        return out;
    }
}
