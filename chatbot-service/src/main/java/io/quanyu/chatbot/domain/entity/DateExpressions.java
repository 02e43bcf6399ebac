package io.quanyu.chatbot.domain.entity;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in Chinese and English turns, resolved against a reference day: absolute (2023年11月20日, 11月20日,
 * 2023-11-20, Nov 20th), relative (昨天, 后天, 3天前, tomorrow, in 3 days) and weekdays (下周一, 周五,
 * next Monday). Weeks start on Monday; "this/本周 X" is X of the current week, "next/下周 X" of the next one,
 * "last/上周 X" of the previous one, and a bare "Monday" the next Monday on or after the reference day.
 */
final class DateExpressions {

    /** A date found in folded text. */
    record Found(int start, int end, LocalDate date) {
    }

    private static final String N = Numbers.ZH;
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun";
    private static final Map<String, Integer> ZH_RELATIVE = Map.of("大前天", -3, "前天", -2, "昨天", -1, "昨日", -1,
            "今天", 0, "今日", 0, "明天", 1, "明日", 1, "后天", 2, "大后天", 3);
    private static final Map<String, Integer> EN_RELATIVE = Map.of("the day before yesterday", -2, "yesterday", -1,
            "today", 0, "tonight", 0, "tomorrow", 1, "the day after tomorrow", 2);

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
    }

    private static final List<Rule> RULES = List.of(
            rule("(" + N + ")年(" + N + ")月(" + N + ")[日号]", (m, r) -> date(num(m, 1), num(m, 2), num(m, 3))),
            rule("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)", (m, r) -> date(num(m, 1), num(m, 2), num(m, 3))),
            rule("(" + N + ")月(" + N + ")[日号]?", (m, r) -> date(r.getYear(), num(m, 1), num(m, 2))),
            rule("(?<![\\d月])(\\d{1,2}|[一二三四五六七八九十]{1,3})号", (m, r) -> date(r.getYear(), r.getMonthValue(), num(m, 1))),
            rule("大前天|前天|昨天|昨日|今天|今日|大后天|后天|明天|明日", (m, r) -> r.plusDays(ZH_RELATIVE.get(m.group()))),
            rule("(" + N + ")天(?:前|以前|之前)", (m, r) -> r.minusDays(num(m, 1))),
            rule("(" + N + ")天(?:后|以后|之后)", (m, r) -> r.plusDays(num(m, 1))),
            rule("(上上|上|下下|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])", (m, r) -> zhWeekday(m, r)),
            rule("(?<![a-z])(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?(?![\\d:])",
                    (m, r) -> date(m.group(3) == null ? r.getYear() : num(m, 3), month(m.group(1)), num(m, 2))),
            rule("(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")(?![a-z])(?:,?\\s*(\\d{4}))?",
                    (m, r) -> date(m.group(3) == null ? r.getYear() : num(m, 3), month(m.group(2)), num(m, 1))),
            rule("(?<![a-z])(the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)(?![a-z])",
                    (m, r) -> r.plusDays(EN_RELATIVE.get(m.group(1)))),
            rule("(?<![a-z])in\\s+(" + Numbers.EN + "|a)\\s+days?(?![a-z])", (m, r) -> r.plusDays(enNum(m.group(1)))),
            rule("(?<![a-z])(" + Numbers.EN + "|a)\\s+days?\\s+ago(?![a-z])", (m, r) -> r.minusDays(enNum(m.group(1)))),
            rule("(?<![a-z])(?:(next|last|this|coming)\\s+)?(" + DAYS + ")(?![a-z])", (m, r) -> enWeekday(m, r)));

    private DateExpressions() {
    }

    /** Every date expression in folded (lower-case, half-width) text, possibly overlapping. */
    static List<Found> find(String folded, LocalDate reference) {
        List<Found> out = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(folded);
            while (m.find()) {
                try {
                    LocalDate d = rule.resolve().apply(m, reference);
                    if (d != null) {
                        out.add(new Found(m.start(), m.end(), d));
                    }
                } catch (DateTimeException | ArithmeticException e) {
                    // 2月30日 and the like: not a date.
                }
            }
        }
        return out;
    }

    private static Rule rule(String regex, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
        return new Rule(Pattern.compile(regex), resolve);
    }

    private static LocalDate zhWeekday(Matcher m, LocalDate r) {
        String d = m.group(2);
        int day = switch (d) {
            case "日", "天", "7" -> 7;
            default -> (int) (Character.isDigit(d.charAt(0)) ? d.charAt(0) - '0' : Numbers.parse(d));
        };
        String prefix = m.group(1) == null ? "" : m.group(1);
        int weeks = switch (prefix) {
            case "上上" -> -2;
            case "上" -> -1;
            case "下" -> 1;
            case "下下" -> 2;
            default -> 0;
        };
        return r.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeks).plusDays(day - 1);
    }

    private static LocalDate enWeekday(Matcher m, LocalDate r) {
        String name = m.group(2);
        DayOfWeek day = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase().startsWith(name.substring(0, 3))) {
                day = d;
            }
        }
        if (day == null || name.equals("sun") && m.group(1) == null || name.equals("sat") && m.group(1) == null) {
            return null;
        }
        String which = m.group(1) == null ? "" : m.group(1);
        LocalDate monday = r.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return switch (which) {
            case "next" -> monday.plusWeeks(1).plusDays(day.getValue() - 1L);
            case "last" -> monday.minusWeeks(1).plusDays(day.getValue() - 1L);
            case "this" -> monday.plusDays(day.getValue() - 1L);
            default -> r.with(TemporalAdjusters.nextOrSame(day));
        };
    }

    private static int month(String name) {
        String p = name.substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(p) + 1;
    }

    private static int num(Matcher m, int group) {
        return (int) Numbers.parse(m.group(group));
    }

    private static long enNum(String s) {
        return s.equals("a") ? 1 : Numbers.parse(s);
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < 100) {
            year += 2000;
        }
        return LocalDate.of(year, month, day);
    }
}
