package io.quanyu.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How large a portrait may grow, whatever its customer's channels send: every portrait is stored as one row and
 * published as one record on profile.updates.v1, so an unbounded map (a trait per event, a category per fake
 * product) would first slow every batch of that customer and then exceed the broker's record size.
 */
public final class PortraitLimits {

    /** Traits kept per customer; further names are ignored (existing ones still update). */
    public static final int MAX_TRAITS = 64;
    /** Longest trait name kept; longer names are ignored. */
    public static final int MAX_TRAIT_NAME = 64;
    /** Longest trait value kept, in characters; longer values are cut. */
    public static final int MAX_TRAIT_VALUE = 256;
    /** Interest tags (categories, brands) kept per customer: the weakest goes when a new one comes. */
    public static final int MAX_INTERESTS = 200;
    /** Longest interest tag kept; longer ones are ignored. */
    public static final int MAX_INTEREST_NAME = 128;
    /** Linked keys listed in a published portrait (best first); the identity graph keeps all of them. */
    public static final int MAX_VIEW_KEYS = 200;

    private PortraitLimits() {
    }

    /** Puts a trait when the portrait may hold it; returns whether it did. */
    static boolean putTrait(Map<String, String> traits, String name, String value) {
        if (name.isEmpty() || name.length() > MAX_TRAIT_NAME || (!traits.containsKey(name) && traits.size() >= MAX_TRAITS)) {
            return false;
        }
        traits.put(name, cut(value, MAX_TRAIT_VALUE));
        return true;
    }

    /** Adds interest to a tag, making room by dropping the weakest tag (as of {@code at}) when the map is full. */
    static void addInterest(Map<String, Decayed> tags, String tag, double weight, Instant at, Duration halfLife) {
        if (tag.length() > MAX_INTEREST_NAME) {
            return;
        }
        if (!tags.containsKey(tag) && tags.size() >= MAX_INTERESTS) {
            String weakest = null;
            double least = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, Decayed> e : tags.entrySet()) {
                double v = e.getValue().valueAt(at, halfLife);
                if (v < least) {
                    least = v;
                    weakest = e.getKey();
                }
            }
            if (least >= weight) {
                return; // the newcomer would be the weakest itself
            }
            tags.remove(weakest);
        }
        tags.merge(tag, new Decayed(weight, at), (a, b) -> a.plus(weight, at, halfLife));
    }

    /** Trims maps that a merge of two portraits may have filled past their bounds. */
    static void trim(Portrait p, Instant at, Duration halfLife) {
        if (p.traits.size() > MAX_TRAITS) {
            // The merged-in customer's traits were added only where absent; past the bound, the last names by order go.
            List<String> names = p.traits.keySet().stream().sorted().toList();
            names.subList(MAX_TRAITS, names.size()).forEach(p.traits::remove);
        }
        trimInterests(p.categories, at, halfLife);
        trimInterests(p.brands, at, halfLife);
    }

    private static void trimInterests(Map<String, Decayed> tags, Instant at, Duration halfLife) {
        if (tags.size() <= MAX_INTERESTS) {
            return;
        }
        List<String> weakestFirst = tags.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(d -> d.valueAt(at, halfLife))))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; tags.size() > MAX_INTERESTS; i++) {
            tags.remove(weakestFirst.get(i));
        }
    }

    /** The keys a published portrait lists: the first {@link #MAX_VIEW_KEYS} of them in their order (best first). */
    public static List<String> viewKeys(List<String> keys) {
        return keys.size() <= MAX_VIEW_KEYS ? keys : List.copyOf(keys.subList(0, MAX_VIEW_KEYS));
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
