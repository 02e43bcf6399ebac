package io.quanyu.recommender.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an explicit-ratings log of shape {@code user item rating timestamp}, in any of these formats, detected from
 * the first non-blank line:
 * <ul>
 * <li>tab-separated {@code user<TAB>item<TAB>rating<TAB>timestamp}, no header (MovieLens-100K {@code u.data});</li>
 * <li>comma-separated with a header naming the columns {@code userId,movieId,rating,timestamp} (MovieLens "latest"
 * {@code ratings.csv}) or {@code user,item,rating,timestamp}, in any order and with extra columns ignored; RFC 4180
 * quoting (read by Commons CSV), so an extra column such as a title may hold commas, quotes and line breaks;</li>
 * <li>{@code user::item::rating::timestamp} (MovieLens-1M {@code ratings.dat}).</li>
 * </ul>
 * Timestamps are epoch seconds; ratings are decimals. Ratings come back in file order. A malformed line fails with an
 * {@link IllegalArgumentException} naming the file and its 1-based line number.
 */
public final class RatingsFile {

    /** One rating of the log. */
    public record Rating(String userId, String itemId, double rating, long epochSecond) {

        /** The rating as an interaction of the given weight (the benchmark protocol uses 1 for every rating). */
        public Interactions.Event event(double weight) {
            return new Interactions.Event(userId, itemId, weight, Instant.ofEpochSecond(epochSecond));
        }
    }

    /** The recognised layouts. */
    public enum Format {
        TSV, CSV, DOUBLE_COLON
    }

    /**
     * Time, then user, then item; ids made only of digits compare as numbers, others as strings. Sorting by it makes
     * "first appearance" (the index order of {@link Interactions}) a function of the log's content, not its line order.
     */
    public static final Comparator<Rating> TIME_ORDER = Comparator.comparingLong(Rating::epochSecond)
            .thenComparing(Rating::userId, RatingsFile::compareIds)
            .thenComparing(Rating::itemId, RatingsFile::compareIds);

    private static final List<String> USER_COLUMNS = List.of("userid", "user", "user_id");
    private static final List<String> ITEM_COLUMNS = List.of("movieid", "itemid", "item", "item_id", "movie_id");
    private static final List<String> RATING_COLUMNS = List.of("rating");
    private static final List<String> TIME_COLUMNS = List.of("timestamp", "time");

    /** Fields trimmed inside and outside quotes, as the ids and numbers always were. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private RatingsFile() {
    }

    /** Reads every rating of {@code file}; see the class comment for the accepted formats. */
    public static List<Rating> read(Path file) {
        Format format = format(file);
        try (BufferedReader in = open(file)) {
            return format == Format.CSV ? readCsv(file.toString(), in) : readSeparated(file.toString(), in, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The format {@code file} would be read as. */
    public static Format format(Path file) {
        try (BufferedReader in = open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    return detect(file.toString(), stripBom(line));
                }
            }
            throw new IllegalArgumentException(file + ": empty ratings file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /** Tab- or '::'-separated lines: no quoting in these formats, so a line is a record. */
    private static List<Rating> readSeparated(String name, BufferedReader in, Format format) throws IOException {
        List<Rating> out = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1) {
                line = stripBom(line);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line, format);
            if (f.length != 4) {
                throw malformed(name, number, line, "expected 4 " + describe(format) + " fields, got " + f.length);
            }
            String text = line;
            out.add(rating(name, number, () -> text, f[0], f[1], f[2], f[3]));
        }
        return out;
    }

    /**
     * RFC 4180 CSV through Commons CSV, so quoted fields may hold commas, doubled quotes and line breaks (a title
     * column such as {@code "Deer Hunter, The (1978)"} next to the ratings). The first non-blank record is the header.
     */
    private static List<Rating> readCsv(String name, BufferedReader in) throws IOException {
        skipBom(in);
        List<Rating> out = new ArrayList<>();
        int[] columns = null; // user, item, rating, timestamp
        int width = 0;
        // Blank lines come back as records so that the parser's line count gives each record's first line.
        try (CSVParser parser = CSV.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            long consumed = 0;
            while (hasNext(name, records, consumed + 1)) {
                CSVRecord r = records.next();
                long number = consumed + 1;
                consumed = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                String[] f = r.values();
                if (columns == null) {
                    columns = new int[] {column(name, f, USER_COLUMNS), column(name, f, ITEM_COLUMNS),
                            column(name, f, RATING_COLUMNS), column(name, f, TIME_COLUMNS)};
                    width = f.length;
                    continue;
                }
                // Formatted back only for an error message: a record may span lines, so there is no one line to quote.
                Supplier<String> text = () -> CSV.format((Object[]) f);
                if (f.length != width) {
                    throw malformed(name, number, text.get(), "expected " + width + " " + describe(Format.CSV)
                            + " fields, got " + f.length);
                }
                out.add(rating(name, number, text, f[columns[0]], f[columns[1]], f[columns[2]], f[columns[3]]));
            }
        }
        return out;
    }

    private static boolean hasNext(String name, Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            // An unterminated quote or text after a closing quote: the record cannot be split at all.
            throw new IllegalArgumentException(name + ":" + line + ": malformed CSV record ("
                    + e.getCause().getMessage() + ")", e);
        }
    }

    private static Rating rating(String name, long number, Supplier<String> text, String user, String item,
            String rating, String time) {
        if (user.isEmpty() || item.isEmpty()) {
            throw malformed(name, number, text.get(), "empty user or item id");
        }
        double value;
        long epochSecond;
        try {
            value = Double.parseDouble(rating);
        } catch (NumberFormatException e) {
            throw malformed(name, number, text.get(), "rating '" + rating + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw malformed(name, number, text.get(), "rating '" + rating + "' is not finite");
        }
        try {
            epochSecond = Long.parseLong(time);
        } catch (NumberFormatException e) {
            throw malformed(name, number, text.get(), "timestamp '" + time + "' is not whole epoch seconds");
        }
        return new Rating(user, item, value, epochSecond);
    }

    private static Format detect(String name, String first) {
        if (first.indexOf('\t') >= 0) {
            return Format.TSV;
        }
        if (first.contains("::")) {
            return Format.DOUBLE_COLON;
        }
        if (first.indexOf(',') >= 0) {
            return Format.CSV;
        }
        throw new IllegalArgumentException(name + ":1: unrecognised ratings format, expected tab-separated "
                + "'user item rating timestamp', 'user::item::rating::timestamp' or a CSV with a header such as "
                + "'userId,movieId,rating,timestamp': '" + abbreviate(first) + "'");
    }

    private static String[] split(String line, Format format) {
        String[] f = line.split(format == Format.TSV ? "\t" : "::", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).trim();
            }
            f[i] = s;
        }
        return f;
    }

    private static int column(String name, String[] header, List<String> accepted) {
        for (int i = 0; i < header.length; i++) {
            if (accepted.contains(header[i].toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ":1: CSV header " + String.join(",", header) + " has no "
                + accepted.getFirst() + " column (accepted names: " + String.join(", ", accepted)
                + "); expected e.g. userId,movieId,rating,timestamp");
    }

    private static String describe(Format format) {
        return switch (format) {
            case TSV -> "tab-separated";
            case CSV -> "comma-separated";
            case DOUBLE_COLON -> "'::'-separated";
        };
    }

    private static IllegalArgumentException malformed(String name, long line, String text, String why) {
        return new IllegalArgumentException(name + ":" + line + ": malformed rating line (" + why + "): '"
                + abbreviate(text) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static void skipBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    private static int compareIds(String a, String b) {
        if (digits(a) && digits(b)) {
            String x = stripZeros(a);
            String y = stripZeros(b);
            int c = Integer.compare(x.length(), y.length());
            if (c != 0) {
                return c;
            }
            c = x.compareTo(y);
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
