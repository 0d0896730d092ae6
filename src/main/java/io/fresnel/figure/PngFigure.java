package io.fresnel.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a drawing as PNG: {@code widthPx x heightPx} RGB pixels on white, the graphics scaled by
 * dpi / 96 so the layout is that of {@link FigureSize#width()} x {@link FigureSize#height()}
 * units; the DPI in the pHYs chunk (pixels per metre = dpi / 0.0254, rounded) and each
 * {@link FigureMetadata#entries() provenance field} in a tEXt chunk (an iTXt chunk, UTF-8, when
 * the value is not Latin-1).
 */
public final class PngFigure {
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngFigure() {
    }

    /**
     * @param d the drawing
     * @param size pixels and DPI
     * @param meta the provenance
     * @return the image (RGB)
     */
    public static BufferedImage image(Drawing d, FigureSize size, FigureMetadata meta) {
        BufferedImage img = new BufferedImage(size.widthPx(), size.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size.widthPx(), size.heightPx());
            g.scale(size.scale(), size.scale());
            d.draw(g, size.width(), size.height());
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Draws and writes the PNG.
     *
     * @param d the drawing
     * @param size pixels and DPI
     * @param meta the provenance
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(Drawing d, FigureSize size, FigureMetadata meta, OutputStream out) throws IOException {
        write(image(d, size, meta), size.dpi(), meta, out);
    }

    /**
     * Writes an image as PNG with its DPI and provenance.
     *
     * @param img the image
     * @param dpi pixels per inch (pHYs)
     * @param meta the provenance
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(BufferedImage img, int dpi, FigureMetadata meta, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer is available");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            md.mergeTree(FORMAT, tree(dpi, meta));
            ImageOutputStream ios = ImageIO.createImageOutputStream(out);
            try {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, md), param);
            } finally {
                ios.flush();
                ios.close();
            }
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot build the PNG metadata: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode tree(int dpi, FigureMetadata meta) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        IIOMetadataNode itext = new IIOMetadataNode("iTXt");
        for (Map.Entry<String, String> e : meta.entries().entrySet()) {
            String value = e.getValue().replaceAll("[\\r\\n]+", " ");
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("value", value);
                text.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", value);
                itext.appendChild(entry);
            }
        }
        if (text.getLength() > 0) {
            root.appendChild(text);
        }
        if (itext.getLength() > 0) {
            root.appendChild(itext);
        }
        return root;
    }
}
