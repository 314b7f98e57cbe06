package io.wavebench.simulators.vmc;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a vending machine sells: item numbers (as on the bus, MDB 4.2 §7.4.5) with names and prices in minor units. */
public record Catalog(Map<Integer, Item> items) {

    public record Item(int number, String name, long priceMinorUnits) {
        public Item {
            if (number < 0 || number > 0xFFFE) throw new IllegalArgumentException("item number must be 0..0xFFFE (0xFFFF means undefined): " + number);
            if (priceMinorUnits < 0) throw new IllegalArgumentException("price must not be negative: " + priceMinorUnits);
        }
    }

    public Catalog {
        if (items.isEmpty()) throw new IllegalArgumentException("a catalog needs at least one item");
        items = Map.copyOf(items);
    }

    public static Catalog of(Item... items) {
        Map<Integer, Item> map = new TreeMap<>();
        for (Item i : items) {
            if (map.put(i.number(), i) != null) throw new IllegalArgumentException("item number " + i.number() + " appears twice");
        }
        return new Catalog(map);
    }

    public Optional<Item> item(int number) {
        return Optional.ofNullable(items.get(number));
    }

    public Item require(int number) {
        return item(number).orElseThrow(() -> new IllegalArgumentException("no item " + number + " in the catalog; items: " + new TreeMap<>(items).keySet()));
    }

    public Collection<Item> all() {
        return new TreeMap<>(items).values();
    }

    public long maxPrice() {
        return items.values().stream().mapToLong(Item::priceMinorUnits).max().orElse(0);
    }

    public long minPrice() {
        return items.values().stream().mapToLong(Item::priceMinorUnits).min().orElse(0);
    }
}
