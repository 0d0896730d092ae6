/**
 * Figure files: any drawing on a {@link java.awt.Graphics2D} written as PNG (chosen pixel size
 * and DPI), SVG (Apache Batik's SVG generator) or PDF (Apache PDFBox with its Graphics2D bridge),
 * each with its provenance in the file's metadata and its data beside it as CSV in SI units;
 * the generic JFreeChart exporter and the chart style every chart of Fresnel shares.
 *
 * <p>Layer: above {@code io} (atomic writes, provenance, the scenario writer for the scenario's
 * SHA-256) and below {@code render}, {@code sweep}, {@code cli} and {@code ui}, which draw the
 * figures. No JavaFX (docs/figures.md).
 */
package io.fresnel.figure;
