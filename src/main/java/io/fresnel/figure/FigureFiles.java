package io.fresnel.figure;

import io.fresnel.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a figure in the format its file name asks for ({@link FigureFormat#ofFile}) together
 * with its data CSV, through {@link AtomicFiles}: both files or neither, no partial file on a
 * missing or read-only folder or a full disk, and nothing once a command's deadline passed.
 */
public final class FigureFiles {
    private FigureFiles() {
    }

    /**
     * @param format the format
     * @param d the drawing
     * @param size its size
     * @param meta its provenance
     * @return the content that draws and encodes the figure when the file is written
     */
    public static AtomicFiles.Content content(FigureFormat format, Drawing d, FigureSize size, FigureMetadata meta) {
        return switch (format) {
            case PNG -> out -> PngFigure.write(d, size, meta, out);
            case SVG -> out -> SvgFigure.write(d, size, meta, out);
            case PDF -> out -> PdfFigure.write(d, size, meta, out);
        };
    }

    /**
     * @param data CSV text
     * @return the content that writes it as UTF-8
     */
    public static AtomicFiles.Content content(CsvData data) {
        return out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            data.write(w);
            w.flush();
        };
    }

    /**
     * The files of one export, to write with {@link AtomicFiles#writeAll} (possibly with others).
     *
     * @param out the figure file (.png, .svg or .pdf; anything else is PNG)
     * @param d the drawing
     * @param size its size
     * @param meta its provenance
     * @param data its data, or null for none
     * @param csv where to write the data, or null for {@link FigureFormat#csvBeside(Path) beside the figure}
     * @return the entries: the figure, then the CSV
     */
    public static List<AtomicFiles.Entry> entries(Path out, Drawing d, FigureSize size, FigureMetadata meta,
            CsvData data, Path csv) {
        List<AtomicFiles.Entry> e = new ArrayList<>();
        e.add(new AtomicFiles.Entry(out, content(FigureFormat.ofFile(out), d, size, meta)));
        if (data != null) {
            e.add(new AtomicFiles.Entry(csv != null ? csv : FigureFormat.csvBeside(out), content(data)));
        }
        return e;
    }

    /**
     * Writes the figure and its data CSV beside it, both or neither.
     *
     * @param out the figure file
     * @param d the drawing
     * @param size its size
     * @param meta its provenance
     * @param data its data
     * @return the files written: the figure, then the CSV
     * @throws IOException with a one-line message naming the file and the reason; nothing is then written
     */
    public static List<Path> write(Path out, Drawing d, FigureSize size, FigureMetadata meta, CsvData data)
            throws IOException {
        List<AtomicFiles.Entry> e = entries(out, d, size, meta, data, null);
        AtomicFiles.writeAll(e);
        return e.stream().map(AtomicFiles.Entry::file).toList();
    }
}
