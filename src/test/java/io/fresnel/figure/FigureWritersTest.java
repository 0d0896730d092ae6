package io.fresnel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three writers on a small drawing: text stays text, the image keeps its pixels, provenance is present. */
class FigureWritersTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final FigureMetadata META = new FigureMetadata("test figure \u03b8", "lecture", SHA, "mrt",
            "optimal", Instant.parse("2026-12-02T10:00:00Z"));

    /** A 3 x 2 image (distinct colours) stretched over a rectangle, and two labels. */
    private static final Drawing DRAWING = (g, w, h) -> {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0x00ffff, 0xff00ff};
        for (int i = 0; i < 6; i++) {
            img.setRGB(i % 3, i / 3, colours[i]);
        }
        g.drawImage(img, new AffineTransform(w / 2 / 3, 0, 0, h / 2 / 2, w / 4, h / 4), null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("range r (m)", 20f, (float) (h - 20));
        g.drawString("angle \u03b8 (rad)", 20f, 20f);
        g.draw(new Rectangle2D.Double(w / 4, h / 4, w / 2, h / 2));
    };

    @Test
    void svgIsWellFormedWithTextElementsTheImageAndProvenance() throws Exception {
        FigureSize size = new FigureSize(600, 400, 96);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgFigure.write(DRAWING, size, META, out);
        Document doc = parse(out.toByteArray());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SvgFigure.SVG_NS, root.getNamespaceURI());
        assertEquals("450pt", root.getAttribute("width"));
        assertEquals("300pt", root.getAttribute("height"));
        assertEquals("0 0 600 400", root.getAttribute("viewBox"));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("range r (m)"), texts.toString());
        assertTrue(texts.contains("angle \u03b8 (rad)"), texts.toString());
        NodeList images = doc.getElementsByTagNameNS(SvgFigure.SVG_NS, "image");
        assertEquals(1, images.getLength());
        String href = ((Element) images.item(0)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(href.startsWith("data:image/png;base64,"), href);
        BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(
                href.substring(href.indexOf(',') + 1))));
        assertEquals(3, embedded.getWidth(), "the image is embedded at its own resolution");
        assertEquals(2, embedded.getHeight());
        assertEquals(0x0000ff, embedded.getRGB(2, 0) & 0xffffff);
        assertEquals(SHA, doc.getElementsByTagNameNS(SvgFigure.FRESNEL_NS, "scenarioSha256").item(0).getTextContent());
        assertEquals("optimal", doc.getElementsByTagNameNS(SvgFigure.FRESNEL_NS, "status").item(0).getTextContent());
        assertEquals("2026-12-02T10:00:00Z", doc.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "date")
                .item(0).getTextContent());
        assertTrue(doc.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").item(0).getTextContent()
                .startsWith("Fresnel "));
    }

    @Test
    void pdfTextIsExtractableAndTheInformationCarriesTheProvenance() throws Exception {
        FigureSize size = new FigureSize(1200, 800, 192);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfFigure.write(DRAWING, size, META, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals(450f, pdf.getPage(0).getMediaBox().getWidth(), 0.01f, "1200 px at 192 DPI = 6.25 in");
            assertEquals(300f, pdf.getPage(0).getMediaBox().getHeight(), 0.01f);
            String text = text(pdf);
            assertTrue(text.contains("range r (m)"), text);
            assertTrue(text.contains("angle \u03b8 (rad)"), text);
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertEquals("test figure \u03b8", info.getTitle());
            assertTrue(info.getCreator().startsWith("Fresnel "));
            assertEquals(SHA, info.getCustomMetadataValue("ScenarioSHA256"));
            assertEquals("mrt", info.getCustomMetadataValue("Design"));
            assertEquals("optimal", info.getCustomMetadataValue("DesignStatus"));
            assertEquals(Instant.parse("2026-12-02T10:00:00Z").toEpochMilli(),
                    info.getCreationDate().getTimeInMillis());
        }
    }

    @Test
    void pngHasThePixelSizeTheDpiAndTheProvenanceChunks() throws Exception {
        FigureSize size = new FigureSize(1200, 900, 300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngFigure.write(DRAWING, size, META, out);
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(out.toByteArray())));
        BufferedImage img = reader.read(0);
        assertEquals(1200, img.getWidth());
        assertEquals(900, img.getHeight());
        // the drawing is scaled by 300/96: the image's top-left cell (red) covers the layout's (w/4, h/4) corner
        assertEquals(0xff0000, img.getRGB((int) (1200 * 0.25) + 5, (int) (900 * 0.25) + 5) & 0xffffff);
        IIOMetadata md = reader.getImageMetadata(0);
        org.w3c.dom.Node tree = md.getAsTree("javax_imageio_png_1.0");
        Element phys = (Element) ((Element) tree).getElementsByTagName("pHYs").item(0);
        assertEquals("11811", phys.getAttribute("pixelsPerUnitXAxis"), "300 DPI = 11811 pixels per metre");
        assertEquals("meter", phys.getAttribute("unitSpecifier"));
        String all = chunks((Element) tree);
        assertTrue(all.contains("Scenario SHA-256=" + SHA), all);
        assertTrue(all.contains("Design status=optimal"), all);
        assertTrue(all.contains("Title=test figure \u03b8"), "a non-Latin-1 title goes into iTXt: " + all);
        assertTrue(all.contains("Software=Fresnel "), all);
        reader.dispose();
    }

    @Test
    void absurdSizesAndDpiAreRefusedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigureSize(800, 600, 100000)).getMessage()
                .contains("DPI 100000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigureSize(800, 600, 0)).getMessage()
                .contains("DPI 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigureSize(100000, 600, 96)).getMessage()
                .contains("100000x600"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigureSize(15000, 15000, 600)).getMessage()
                .contains("million pixels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigureSize(100, 80, 300)).getMessage()
                .contains("too small"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("800by600", 96)).getMessage()
                .contains("WxH"));
        FigureSize ok = FigureSize.parse("2400x1800", 300);
        assertEquals(768, ok.width(), 1e-9);
        assertEquals(576, ok.height(), 1e-9);
    }

    @Test
    void theFormatFollowsTheExtensionAndTheCsvGoesBeside() {
        assertEquals(FigureFormat.SVG, FigureFormat.ofFile(Path.of("a/b.SVG")));
        assertEquals(FigureFormat.PDF, FigureFormat.ofFile(Path.of("b.pdf")));
        assertEquals(FigureFormat.PNG, FigureFormat.ofFile(Path.of("b.png")));
        assertEquals(FigureFormat.PNG, FigureFormat.ofFile(Path.of("b")));
        assertEquals(Path.of("a/b.csv"), FigureFormat.csvBeside(Path.of("a/b.svg")));
        assertEquals(Path.of("b.csv"), FigureFormat.csvBeside(Path.of("b.PDF")));
        assertEquals(Path.of("b.csv"), FigureFormat.csvBeside(Path.of("b")));
    }

    @Test
    void aFailureWhileWritingLeavesNoFileAtAll(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("f.pdf");
        CsvData full = w -> {
            w.write("x,y\n1,2\n");
            throw new IOException("No space left on device");
        };
        IOException e = assertThrows(IOException.class, () -> FigureFiles.write(out, DRAWING,
                new FigureSize(600, 400, 96), META, full));
        assertTrue(e.getMessage().contains("f.csv") && e.getMessage().contains("No space left"), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no figure, no CSV, no temporary file");
        }
        IOException missing = assertThrows(IOException.class, () -> FigureFiles.write(dir.resolve("no/f.svg"),
                DRAWING, new FigureSize(600, 400, 96), META, w -> w.write("x\n")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        List<Path> written = FigureFiles.write(dir.resolve("f.svg"), DRAWING, new FigureSize(600, 400, 96), META,
                w -> w.write("x\n"));
        assertEquals(List.of(dir.resolve("f.svg"), dir.resolve("f.csv")), written);
        assertEquals("x\n", Files.readString(dir.resolve("f.csv")));
    }

    /**
     * @param pdf a document
     * @return its text, in reading order by position (rotated labels, e.g. a y axis's, come out whole)
     * @throws IOException when it cannot be read
     */
    static String text(PDDocument pdf) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        return s.getText(pdf);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(SvgFigure.SVG_NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static String chunks(Element tree) {
        StringBuilder b = new StringBuilder();
        NodeList t = tree.getElementsByTagName("tEXtEntry");
        for (int i = 0; i < t.getLength(); i++) {
            Element e = (Element) t.item(i);
            b.append(e.getAttribute("keyword")).append('=').append(e.getAttribute("value")).append('\n');
        }
        NodeList it = tree.getElementsByTagName("iTXtEntry");
        for (int i = 0; i < it.getLength(); i++) {
            Element e = (Element) it.item(i);
            b.append(e.getAttribute("keyword")).append('=').append(e.getAttribute("text")).append('\n');
        }
        return b.toString();
    }
}
