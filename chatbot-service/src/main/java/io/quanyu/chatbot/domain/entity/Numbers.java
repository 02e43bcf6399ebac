package io.quanyu.chatbot.domain.entity;

import java.util.Map;

/** Reads numbers written as digits, Chinese numerals (两百三十, 十二) or English words (two, twenty-one, a dozen). */
public final class Numbers {

    /** Regex alternatives for a number in Chinese text and in English text. */
    public static final String ZH = "(?:\\d+|[零〇一二两三四五六七八九十百千万]+)";
    public static final String EN_WORD = "(?:(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
            + "|one|two|three|four|five|six|seven|eight|nine|a dozen|dozen|a couple of|a pair of)";
    public static final String EN = "(?:\\d+|" + EN_WORD + ")";

    private static final Map<String, Integer> EN_VALUES = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("dozen", 12), Map.entry("a dozen", 12), Map.entry("a couple of", 2),
            Map.entry("a pair of", 2));

    private Numbers() {
    }

    /** The value of a digit string, Chinese numeral or English number word(s); -1 if it is none or too large. */
    public static long parse(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            return -1;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() > 15 ? -1 : Long.parseLong(t);
        }
        Integer direct = EN_VALUES.get(t);
        if (direct != null) {
            return direct;
        }
        String[] parts = t.split("[- ]");
        if (parts.length == 2 && EN_VALUES.containsKey(parts[0]) && EN_VALUES.containsKey(parts[1])) {
            return EN_VALUES.get(parts[0]) + EN_VALUES.get(parts[1]);
        }
        return chinese(t);
    }

    private static long chinese(String t) {
        long total = 0;
        long section = 0;
        long digit = -1;
        for (char c : t.toCharArray()) {
            int d = "零〇一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            } else if (d >= 2) {
                d -= 1;
            } else if (d == 1) {
                d = 0;
            }
            if (d >= 0) {
                digit = digit > 0 && t.indexOf('十') < 0 && t.indexOf('百') < 0 && t.indexOf('千') < 0 ? digit * 10 + d : d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            if (unit == 10000) {
                total = (total + section + Math.max(digit, 0)) * 10000;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }
}
