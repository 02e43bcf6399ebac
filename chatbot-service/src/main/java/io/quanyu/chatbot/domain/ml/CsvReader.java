package io.quanyu.chatbot.domain.ml;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 CSV reading (quoted fields with commas, doubled quotes and newlines) into labelled texts, by Commons CSV. */
public final class CsvReader {

    /** Empty lines are skipped, as the data sets' trailing blank lines are not records. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvReader() {
    }

    /**
     * Reads every record, the header included, as lists of fields. A UTF-8 byte-order mark is dropped. Malformed
     * quoting (an unterminated quote, text after a closing quote) fails with an {@link IOException} naming the line.
     */
    public static List<List<String>> readAll(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        // Not closed here: the parser holds nothing but the reader, which belongs to the caller.
        CSVParser parser = FORMAT.parse(withoutBom(in));
        try {
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
        } catch (UncheckedIOException e) {
            // The iterator wraps the parse error (a CSVException, whose message gives the line) to fit Iterator.
            throw e.getCause();
        }
        return rows;
    }

    /** Reads a CSV file with a header and returns (text, label) from the two named columns; rows missing either are skipped. */
    public static List<LabelledText> read(Path file, String textColumn, String labelColumn) throws IOException {
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = readAll(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        int t = header.indexOf(textColumn);
        int l = header.indexOf(labelColumn);
        if (t < 0 || l < 0) {
            throw new IllegalArgumentException("columns " + textColumn + "/" + labelColumn + " not in header " + header + " of " + file);
        }
        List<LabelledText> out = new ArrayList<>(rows.size());
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() > Math.max(t, l) && !r.get(t).isBlank() && !r.get(l).isBlank()) {
                out.add(new LabelledText(r.get(t).strip(), r.get(l).strip()));
            }
        }
        return out;
    }

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }
}
