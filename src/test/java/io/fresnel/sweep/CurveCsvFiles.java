package io.fresnel.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CSV files of a curve figure in tests (RFC 4180 quoting of text fields). */
final class CurveCsvFiles {
    private CurveCsvFiles() {
    }

    /** @return every row as header name to field */
    static List<Map<String, String>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = fields(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = fields(line);
            if (f.length != header.length) {
                throw new IllegalStateException(csv + ": " + f.length + " fields instead of " + header.length + ": "
                        + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < f.length; i++) {
                row.put(header[i], f[i]);
            }
            out.add(row);
        }
        return out;
    }

    /** @return the fields of one line: commas outside quotes separate, "" inside quotes is a quote */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out.toArray(String[]::new);
    }

    /** @return the number in a row's column (fails on an empty field) */
    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isEmpty()) {
            throw new AssertionError("no " + column + " in " + row);
        }
        return Double.parseDouble(v);
    }

    /** @return the row of (x, series) */
    static Map<String, String> at(List<Map<String, String>> rows, double x, String series) {
        for (Map<String, String> r : rows) {
            if (Double.parseDouble(r.get("x")) == x && r.get("series").equals(series)) {
                return r;
            }
        }
        throw new AssertionError("no row for x = " + x + ", " + series);
    }
}
