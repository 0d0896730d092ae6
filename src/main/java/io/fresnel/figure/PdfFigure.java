package io.fresnel.figure;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a drawing as a one-page PDF with Apache PDFBox and its Graphics2D bridge
 * ({@code de.rototor.pdfbox:graphics2d}): shapes as vector paths, images (the heatmap) as
 * lossless images at their own resolution, and every string as PDF text in Liberation Sans (the
 * TrueType font PDFBox ships, embedded as a subset with a ToUnicode map), so the labels can be
 * selected, searched and extracted ({@code PDFTextStripper}, {@code pdftotext}). Liberation Sans
 * has one weight: bold titles come out regular. The page is {@link FigureSize#widthPt()} x
 * {@link FigureSize#heightPt()} points. The provenance goes into the document information:
 * Title, Creator (the software), Producer, Subject (the scenario), CreationDate, and the custom
 * keys {@code FresnelVersion}, {@code ScenarioSHA256}, {@code Design} and {@code DesignStatus}.
 */
public final class PdfFigure {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfFigure() {
    }

    /**
     * Draws and writes the PDF.
     *
     * @param d the drawing
     * @param size the figure's size
     * @param meta the provenance
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(Drawing d, FigureSize size, FigureMetadata meta, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); EmbeddedFont fonts = new EmbeddedFont()) {
            PDPage page = new PDPage(new PDRectangle((float) size.widthPt(), (float) size.heightPt()));
            doc.addPage(page);
            double w = size.width();
            double h = size.height();
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) w, (float) h);
            g.setFontTextDrawer(fonts);
            try {
                d.draw(g, w, h);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float k = (float) (size.widthPt() / w);
                cs.transform(Matrix.getScaleInstance(k, k));
                cs.drawForm(form);
            }
            info(doc.getDocumentInformation(), meta);
            // objects not packed into object streams (the pages' content stays compressed): the
            // document information stays readable with any tool, e.g. grep for the SHA-256
            doc.save(out, CompressParameters.NO_COMPRESSION);
        }
        out.flush();
    }

    private static void info(PDDocumentInformation info, FigureMetadata meta) {
        Map<String, String> e = meta.entries();
        info.setTitle(meta.title());
        info.setCreator(meta.software());
        info.setProducer(meta.software() + " with Apache PDFBox");
        if (e.containsKey("Scenario")) {
            info.setSubject(e.get("Scenario"));
        }
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(meta.created().toEpochMilli());
        info.setCreationDate(c);
        info.setCustomMetadataValue("FresnelVersion", meta.software());
        if (e.containsKey("Scenario SHA-256")) {
            info.setCustomMetadataValue("ScenarioSHA256", e.get("Scenario SHA-256"));
        }
        if (e.containsKey("Design")) {
            info.setCustomMetadataValue("Design", e.get("Design"));
        }
        if (e.containsKey("Design status")) {
            info.setCustomMetadataValue("DesignStatus", e.get("Design status"));
        }
    }

    /** Maps every AWT font to one embedded Liberation Sans subset, so that all text stays text. */
    private static final class EmbeddedFont extends PdfBoxGraphics2DFontTextDrawer {
        private PDFont font;

        @Override
        protected boolean hasDynamicFontMapping() {
            return true;
        }

        @Override
        protected PDFont mapFont(Font awtFont, IFontTextDrawerEnv env) throws IOException {
            if (font == null) {
                try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
                    if (in == null) {
                        throw new IOException("PDFBox's Liberation Sans font is missing from the class path");
                    }
                    font = PDType0Font.load(env.getDocument(), in, true);
                }
            }
            return font;
        }
    }
}
