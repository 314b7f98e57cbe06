package io.wavebench.cli;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code --shard I/N}: the I-th of N disjoint shares of the suite, so a CI matrix, a Jenkins
 * parallel stage or a Kubernetes indexed job can spread it over machines. Every machine
 * computes the same split from the same feature files: scenarios are ordered by feature file and
 * line and dealt out in turn, which keeps shards within one scenario of each other in size and
 * spreads a slow feature's scenarios over all of them.
 */
record Shard(int index, int count) {

    /** A scenario as the plan lists it: where it is (Cucumber's {@code uri:line}) and its name. */
    record Planned(String uri, int line, String name) {
        String location() {
            return uri + ":" + line;
        }
    }

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + ": I must be 1..N and N at least 1");
        }
    }

    static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard wants I/N, e.g. 2/3 (the second of three shards); got '" + text + "'");
        }
    }

    List<Planned> select(List<Planned> all) {
        List<Planned> ordered = all.stream().distinct().sorted(Comparator.comparing(Planned::uri).thenComparingInt(Planned::line)).toList();
        return IntStream.range(0, ordered.size()).filter(i -> i % count == index - 1).mapToObj(ordered::get).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
