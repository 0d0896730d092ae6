package io.fresnel.figure;

import java.awt.Dimension;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes a drawing as SVG with Apache Batik's SVG generator (on the JDK's DOM): shapes as paths,
 * text as {@code <text>} elements in the drawing's fonts (not outlines), images (the heatmap) as
 * embedded PNG at their own resolution, shown without smoothing. The root's {@code width} and
 * {@code height} are the physical size in points ({@link FigureSize#widthPt()}), its
 * {@code viewBox} the layout in units of 1/96 inch. A {@code <title>} and a {@code <metadata>}
 * element come first: the metadata holds an RDF description with Dublin Core's
 * {@code dc:title}, {@code dc:date}, {@code dc:creator} (the software) and {@code dc:source} (the
 * scenario) and Fresnel's own {@code fresnel:scenarioSha256}, {@code fresnel:design} and
 * {@code fresnel:status} (namespace {@value #FRESNEL_NS}).
 */
public final class SvgFigure {
    /** The SVG namespace. */
    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** The namespace of Fresnel's provenance fields. */
    public static final String FRESNEL_NS = "urn:fresnel:figure:1";
    private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    private SvgFigure() {
    }

    /**
     * Draws and writes the SVG (UTF-8).
     *
     * @param d the drawing
     * @param size the figure's size
     * @param meta the provenance
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(Drawing d, FigureSize size, FigureMetadata meta, OutputStream out) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML DOM is available: " + e.getMessage(), e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setPrecision(4);
        ctx.setEmbeddedFontsOn(false);
        ctx.setImageHandler(new PngBase64());
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        double w = size.width();
        double h = size.height();
        g.setSVGCanvasSize(new Dimension((int) Math.ceil(w), (int) Math.ceil(h)));
        d.draw(g, w, h);
        Element root = g.getRoot(doc.getDocumentElement());
        g.dispose();
        root.setAttribute("width", num(size.widthPt()) + "pt");
        root.setAttribute("height", num(size.heightPt()) + "pt");
        root.setAttribute("viewBox", "0 0 " + num(w) + " " + num(h));
        pixelatedImages(root);
        root.setAttribute("font-family", "sans-serif");
        Node first = root.getFirstChild();
        Element title = doc.createElementNS(SVG_NS, "title");
        title.setTextContent(meta.title());
        root.insertBefore(title, first);
        root.insertBefore(metadata(doc, meta), first);
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write the SVG: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static Element metadata(Document doc, FigureMetadata meta) {
        Element md = doc.createElementNS(SVG_NS, "metadata");
        md.setAttribute("id", "provenance");
        Element rdf = doc.createElementNS(RDF_NS, "rdf:RDF");
        Element desc = doc.createElementNS(RDF_NS, "rdf:Description");
        Map<String, String> e = meta.entries();
        add(doc, desc, DC_NS, "dc:title", e.get("Title"));
        add(doc, desc, DC_NS, "dc:date", e.get("Creation Time"));
        add(doc, desc, DC_NS, "dc:creator", e.get("Software"));
        add(doc, desc, DC_NS, "dc:source", e.get("Scenario"));
        add(doc, desc, FRESNEL_NS, "fresnel:scenarioSha256", e.get("Scenario SHA-256"));
        add(doc, desc, FRESNEL_NS, "fresnel:design", e.get("Design"));
        add(doc, desc, FRESNEL_NS, "fresnel:status", e.get("Design status"));
        rdf.appendChild(desc);
        md.appendChild(rdf);
        return md;
    }

    private static void add(Document doc, Element parent, String ns, String name, String value) {
        if (value != null) {
            Element el = doc.createElementNS(ns, name);
            el.setTextContent(value);
            parent.appendChild(el);
        }
    }

    /** Heatmap cells are data: viewers must not blur them. */
    private static void pixelatedImages(Element root) {
        NodeList images = root.getElementsByTagNameNS(SVG_NS, "image");
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            String style = img.getAttribute("style");
            img.setAttribute("style", (style.isEmpty() ? "" : style + ";") + "image-rendering:pixelated");
            img.setAttribute("image-rendering", "optimizeSpeed");
        }
    }

    /**
     * Embeds images as base64 PNG encoded by the JDK's ImageIO (Batik's own registry needs its
     * codec module, which Fresnel does not ship).
     */
    private static final class PngBase64 extends ImageHandlerBase64Encoder {
        @Override
        public void encodeImage(RenderedImage image, OutputStream os) throws SVGGraphics2DIOException {
            try {
                if (!javax.imageio.ImageIO.write(image, "png", os)) {
                    throw new SVGGraphics2DIOException("no PNG writer is available");
                }
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
}
