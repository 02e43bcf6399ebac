package io.quanyu.chatbot.domain.ml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV reading (quoted fields with commas, doubled quotes and newlines) into labelled texts. */
public final class CsvReader {

    private CsvReader() {
    }

    /** Reads every record, the header included, as lists of fields. A UTF-8 byte-order mark is dropped. */
    public static List<List<String>> readAll(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        boolean first = true;
        int c;
        while ((c = in.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (fieldStarted || !row.isEmpty() || !field.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || !row.isEmpty() || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Reads a CSV file with a header and returns (text, label) from the two named columns; rows missing either are skipped. */
    public static List<LabelledText> read(Path file, String textColumn, String labelColumn) throws IOException {
        List<List<String>> rows;
        try (Reader in = new java.io.BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            rows = readAll(in);
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
}
