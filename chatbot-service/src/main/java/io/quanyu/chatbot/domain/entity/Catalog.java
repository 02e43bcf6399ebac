package io.quanyu.chatbot.domain.entity;

import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The products a turn may mention, indexed for matching: a character trie over folded names and aliases
 * (longest match wins) and a map of SKUs. Immutable; rebuild it when catalog.products.v1 changes.
 */
public final class Catalog {

    private static final Catalog EMPTY = new Catalog(List.of());

    private final List<CatalogProduct> products;
    private final Node root = new Node();
    private final Map<String, CatalogProduct> bySku = new HashMap<>();

    private Catalog(List<CatalogProduct> products) {
        this.products = List.copyOf(products);
        for (CatalogProduct p : products) {
            add(p.name(), p);
            p.aliases().forEach(a -> add(a, p));
            if (p.sku() != null && !p.sku().isBlank()) {
                bySku.put(TextNormalizer.fold(p.sku().strip()), p);
            }
        }
    }

    public static Catalog of(List<CatalogProduct> products) {
        return new Catalog(products);
    }

    public static Catalog empty() {
        return EMPTY;
    }

    public List<CatalogProduct> products() {
        return products;
    }

    /** Every name and alias (for a segmenter's domain terms). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (CatalogProduct p : products) {
            out.add(p.name());
            out.addAll(p.aliases());
        }
        return out;
    }

    public Optional<CatalogProduct> bySku(String sku) {
        return Optional.ofNullable(bySku.get(TextNormalizer.fold(sku.strip())));
    }

    /** A name match: [start, end) in the folded text and its product. */
    record Match(int start, int end, CatalogProduct product) {
    }

    /** Longest name matches in folded text, left to right, not overlapping. */
    List<Match> findNames(String folded) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            Node n = root;
            int bestEnd = -1;
            CatalogProduct best = null;
            for (int j = i; j < folded.length() && n != null; j++) {
                n = n.children.get(folded.charAt(j));
                if (n != null && n.product != null && boundary(folded, i, j + 1)) {
                    bestEnd = j + 1;
                    best = n.product;
                }
            }
            if (best != null) {
                out.add(new Match(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Latin names must not start or end inside a Latin word ("pen" is not in "open"). */
    private static boolean boundary(String s, int start, int end) {
        boolean leftOk = start == 0 || !isLatinOrDigit(s.charAt(start - 1)) || !isLatinOrDigit(s.charAt(start));
        boolean rightOk = end == s.length() || !isLatinOrDigit(s.charAt(end)) || !isLatinOrDigit(s.charAt(end - 1));
        return leftOk && rightOk;
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }

    private void add(String name, CatalogProduct p) {
        String f = TextNormalizer.fold(name.strip());
        if (f.length() < 2) {
            return;
        }
        Node n = root;
        for (char c : f.toCharArray()) {
            n = n.children.computeIfAbsent(c, k -> new Node());
        }
        if (n.product == null) {
            n.product = p;
        }
    }

    /** A trie node. */
    private static final class Node {
        final Map<Character, Node> children = new HashMap<>(4);
        CatalogProduct product;
    }
}
