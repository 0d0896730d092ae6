package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.figure.FigureMetadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code render --out x.svg|x.pdf|x.png}: the format by extension, the data CSV beside, provenance, bad outputs. */
class RenderExportTest {
    private static final Path SCENARIO = GoldenFiles.goldenDir().resolve("public/p000_rsma_hybrid_fresnel.scenario.json");
    private static final String[] GRID = {"--layer", "beampattern", "--grid", "40x30", "--extent", "-5,30,-15,15"};

    private static GoldenEvalTest.Run render(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("render", SCENARIO.toString()));
        args.addAll(List.of(GRID));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(extra));
        return GoldenEvalTest.run(args.toArray(String[]::new));
    }

    @Test
    void svgAndPdfCarryVectorTextProvenanceAndTheSameCsvAsRenderCsv(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference.csv");
        GoldenEvalTest.Run png = render(dir.resolve("map.png"), "--csv", reference.toString());
        assertEquals(0, png.status(), png.err());
        GoldenEvalTest.Run svg = render(dir.resolve("map.svg"));
        assertEquals(0, svg.status(), svg.err());
        GoldenEvalTest.Run pdf = render(dir.resolve("fig.pdf"));
        assertEquals(0, pdf.status(), pdf.err());
        String expected = Files.readString(reference);
        assertEquals(expected, Files.readString(dir.resolve("map.csv")), "the SVG's data = render --csv");
        assertEquals(expected, Files.readString(dir.resolve("fig.csv")), "the PDF's data = render --csv");
        assertEquals(40 * 30 + 1, expected.lines().count());
        String sha = FigureMetadata.sha256(Files.readAllBytes(SCENARIO));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve("map.svg").toFile());
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertTrue(labels.contains("x (m)") && labels.contains("y (m)"), labels.toString());
        assertTrue(labels.stream().anyMatch(s -> s.endsWith("(dBm)")), "colour bar unit: " + labels);
        assertEquals(2, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "image").getLength(),
                "the map and the colour bar are the two images");
        assertEquals(sha, doc.getElementsByTagNameNS("urn:fresnel:figure:1", "scenarioSha256").item(0)
                .getTextContent(), "the SHA-256 of the scenario file");
        Element image = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "image").item(0);
        assertTrue(image.getAttribute("style").contains("pixelated"), "map cells are not smoothed");

        try (PDDocument d = Loader.loadPDF(dir.resolve("fig.pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(d);
            assertTrue(text.contains("x (m)") && text.contains("y (m)"), text);
            assertTrue(text.contains("(dBm)"), text);
            assertEquals(sha, d.getDocumentInformation().getCustomMetadataValue("ScenarioSHA256"));
            assertEquals("precoder in the file", d.getDocumentInformation().getCustomMetadataValue("Design"));
        }
    }

    @Test
    void pngTakesPixelSizeAndDpi(@TempDir Path dir) throws Exception {
        GoldenEvalTest.Run r = render(dir.resolve("big.png"), "--size", "2400x1800", "--dpi", "300", "--no-legend");
        assertEquals(0, r.status(), r.err());
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(
                dir.resolve("big.png")))));
        BufferedImage img = reader.read(0);
        assertEquals(2400, img.getWidth());
        assertEquals(1800, img.getHeight());
        Element tree = (Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        assertEquals("11811", ((Element) tree.getElementsByTagName("pHYs").item(0)).getAttribute("pixelsPerUnitXAxis"));
        assertTrue(Files.exists(dir.resolve("big.csv")), "the data beside the PNG");
    }

    @Test
    void badOutputsExitTwoNamingTheOptionAndLeaveNoFile(@TempDir Path dir) throws Exception {
        assertRejected(dir, "--dpi 100000", dir.resolve("a.pdf"), "--dpi", "100000");
        assertRejected(dir, "--dpi 0", dir.resolve("a.png"), "--dpi", "0");
        assertRejected(dir, "--size 10x10", dir.resolve("a.svg"), "--size", "10x10");
        assertRejected(dir, "--size 90000x90000", dir.resolve("a.png"), "--size", "90000x90000");
        assertRejected(dir, "--size 8x6in", dir.resolve("a.png"), "--size", "8x6in");
        assertRejected(dir, "does not exist", dir.resolve("missing/a.svg"));
        Files.writeString(dir.resolve("plain"), "x");
        assertRejected(dir, "is not a folder", dir.resolve("plain/a.pdf"));
        assertRejected(dir, "--out", dir.resolve("a.csv"));
        assertRejected(dir, "same file", dir.resolve("a.pdf"), "--csv", dir.resolve("a.pdf").toString());
    }

    private static void assertRejected(Path dir, String cause, Path out, String... extra) throws Exception {
        GoldenEvalTest.Run r = render(out, extra);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(cause), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> left = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("plain"))
                    .toList();
            assertEquals(List.of(), left, "nothing written for " + cause);
        }
    }
}
