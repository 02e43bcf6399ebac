package io.quanyu.chatbot.domain.entity;

import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order numbers, catalog products and SKUs, dates, quantities and phone numbers in a Chinese or
 * English turn. Matching runs on a same-length folded copy of the text, so every span is a span of the
 * original; overlapping candidates are settled by priority, then length. Stateless and thread-safe.
 */
public final class EntityExtractor {

    private static final Pattern ORDER_WITH_KEYWORD = Pattern.compile(
            "(?:订单编号|订单号码|订单号|订单|单号|order\\s*(?:number|no\\.?|id|#)?|ord\\.?)\\s*(?:is|是|为)?\\s*[:#：]?\\s*"
                    + "([a-z]{0,4}-?\\d[\\d-]{4,23}\\d)(?![\\da-z])");
    private static final Pattern ORDER_PREFIXED = Pattern.compile("(?<![\\da-z])([a-z]{1,4}-?\\d{6,20})(?![\\da-z])");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![\\d+])(\\d{12,24})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+?86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}"
                    + "|0\\d{2,3}-\\d{7,8}"
                    + "|(?:\\+\\d{1,3}[\\s-]?)?\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4})(?!\\d)");
    private static final Pattern SKU_LIKE = Pattern.compile("(?<![\\da-z])[\\da-z]+(?:[-_][\\da-z]+)*(?![\\da-z])");
    private static final Pattern QTY_ZH = Pattern.compile(
            "(" + Numbers.ZH + ")\\s*(件|个|台|盒|瓶|袋|箱|双|套|只|份|条|张|本|部|支|包|斤|公斤|千克|副|罐|桶|块|片|对)(?!月|小时|星期|钟)");
    private static final Pattern QTY_EN = Pattern.compile(
            "(?<![a-z\\d.])(" + Numbers.EN + ")\\s*(?:x(?![a-z])|pcs?(?![a-z])|pieces?|items?|units?|boxe?s?(?![a-z])|bottles?|packs?|pairs?|bags?|cans?|cases?|sets?)"
                    + "|(?<![a-z])(?:qty|quantity)\\s*(?:of|:)?\\s*(\\d+)|(?<![a-z\\d])x\\s?(\\d{1,3})(?![\\d])");
    private static final Pattern QTY_EN_WORD = Pattern.compile("(?<![a-z-])(" + Numbers.EN_WORD + ")(?![a-z-])");

    private record Candidate(EntityType type, int start, int end, String value, String display, int priority) {
    }

    /** Entities of text (its first TextNormalizer.MAX_CHARS characters), in text order; relative dates resolve against reference. */
    public List<Entity> extract(String text, Catalog catalog, LocalDate reference) {
        String original = TextNormalizer.cap(text);
        String f = TextNormalizer.fold(original);
        Catalog cat = catalog == null ? Catalog.empty() : catalog;
        List<Candidate> c = new ArrayList<>();
        each(ORDER_WITH_KEYWORD, f, m -> c.add(order(m.start(1), m.end(1), m.group(1), 0)));
        each(PHONE, f, m -> {
            String digits = m.group().replaceAll("\\D", "");
            c.add(new Candidate(EntityType.PHONE, m.start(), m.end(), digits, mask(digits), 1));
        });
        each(SKU_LIKE, f, m -> cat.bySku(m.group()).ifPresent(p ->
                c.add(new Candidate(EntityType.SKU, m.start(), m.end(), p.sku(), p.sku(), 2))));
        for (Catalog.Match m : cat.findNames(f)) {
            c.add(new Candidate(EntityType.PRODUCT, m.start(), m.end(), m.product().productId(), m.product().name(), 3));
        }
        each(ORDER_PREFIXED, f, m -> c.add(order(m.start(1), m.end(1), m.group(1), 4)));
        each(LONG_DIGITS, f, m -> c.add(order(m.start(1), m.end(1), m.group(1), 5)));
        for (DateExpressions.Found d : DateExpressions.find(f, reference)) {
            c.add(new Candidate(EntityType.DATE, d.start(), d.end(), d.date().toString(), d.date().toString(), 6));
        }
        each(QTY_ZH, f, m -> quantity(c, m.start(), m.end(), m.group(1)));
        each(QTY_EN, f, m -> {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            quantity(c, m.start(), m.end(), n);
        });
        each(QTY_EN_WORD, f, m -> {
            if (!m.group(1).equals("one")) {
                quantity(c, m.start(), m.end(), m.group(1));
            }
        });
        return settle(c, original);
    }

    public List<Entity> extract(String text, Catalog catalog) {
        return extract(text, catalog, LocalDate.now());
    }

    private static List<Entity> settle(List<Candidate> candidates, String original) {
        candidates.sort(Comparator.comparingInt(Candidate::priority).thenComparing(Comparator.comparingInt((Candidate x) -> x.end() - x.start()).reversed()));
        boolean[] taken = new boolean[original.length() + 1];
        List<Entity> out = new ArrayList<>();
        for (Candidate x : candidates) {
            boolean free = true;
            for (int i = x.start(); i < x.end() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                for (int i = x.start(); i < x.end(); i++) {
                    taken[i] = true;
                }
                out.add(new Entity(x.type(), original.substring(x.start(), x.end()), x.value(), x.start(), x.end(), x.display()));
            }
        }
        out.sort(Comparator.comparingInt(Entity::start));
        return out;
    }

    private static Candidate order(int start, int end, String raw, int priority) {
        String value = raw.toUpperCase(java.util.Locale.ROOT);
        return new Candidate(EntityType.ORDER_NUMBER, start, end, value, value, priority);
    }

    private static void quantity(List<Candidate> c, int start, int end, String number) {
        long n = Numbers.parse(number);
        if (n > 0 && n < 100_000) {
            c.add(new Candidate(EntityType.QUANTITY, start, end, Long.toString(n), Long.toString(n), 7));
        }
    }

    /** Keeps the first three and last four digits of long numbers (138****5678), only the last four of short ones. */
    static String mask(String digits) {
        int n = digits.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        if (n >= 11) {
            return digits.substring(0, 3) + "*".repeat(n - 7) + digits.substring(n - 4);
        }
        return "*".repeat(n - 4) + digits.substring(n - 4);
    }

    private static void each(Pattern p, String text, java.util.function.Consumer<Matcher> action) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            action.accept(m);
        }
    }
}
