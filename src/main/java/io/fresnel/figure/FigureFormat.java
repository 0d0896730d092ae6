package io.fresnel.figure;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of an exported figure. */
public enum FigureFormat {
    /** Raster image (the map and the text as pixels), with pHYs (DPI) and tEXt/iTXt (provenance) chunks. */
    PNG("png"),
    /** Scalable vector graphics: text as {@code <text>}, the map as an embedded PNG image, provenance in {@code <metadata>}. */
    SVG("svg"),
    /** PDF: text as selectable text (an embedded Liberation Sans subset), the map as an image, provenance in the document information. */
    PDF("pdf");

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension without the dot, e.g. {@code svg} */
    public String extension() {
        return extension;
    }

    /**
     * The format a file name asks for: {@code .svg} is SVG, {@code .pdf} is PDF, anything else
     * (including {@code .png} and no extension) is PNG, the format {@code render} always wrote.
     *
     * @param file a file name
     * @return its format
     */
    public static FigureFormat ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return SVG;
        }
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        return PNG;
    }

    /**
     * The CSV file written beside a figure: the figure's name with its {@code .png}, {@code .svg}
     * or {@code .pdf} extension replaced by {@code .csv} (or {@code .csv} appended when it has
     * none of them).
     *
     * @param figure the figure file
     * @return the data file beside it
     */
    public static Path csvBeside(Path figure) {
        String name = figure.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (lower.endsWith("." + f.extension) && lower.length() > f.extension.length() + 1) {
                return figure.resolveSibling(name.substring(0, name.length() - f.extension.length() - 1) + ".csv");
            }
        }
        return figure.resolveSibling(name + ".csv");
    }
}
