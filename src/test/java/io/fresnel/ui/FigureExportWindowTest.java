package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.figure.FigureSize;
import io.fresnel.io.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File &gt; Export figure... in the real window, headless (Monocle): heatmap and chart exports, off the FX thread. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FigureExportWindowTest {
    private MainWindow window;
    private ExplorerViewModel model;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 800));
        fixture.closing(window);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    private FigureSource source(String name) throws Exception {
        return onFx(() -> window.figureExport().sources().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow());
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return s.getText(d);
        }
    }

    @Test
    void theHeatmapAndTheChartsExportWithTheirDataOffTheFxThread(@TempDir Path dir) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.scene().frame() != null
                && window.scene().frame().request().fine()));
        HeatmapFrame frame = onFx(() -> window.scene().frame());
        FigureSource heatmap = source("Heatmap (2-D view)");
        CompletableFuture<List<Path>> done = onFx(() -> window.figureExport().export(heatmap, dir.resolve("map.pdf"),
                new FigureSize(1800, 1200, 200), true));
        List<Path> files = done.get(60, TimeUnit.SECONDS);
        assertEquals(List.of(dir.resolve("map.pdf"), dir.resolve("map.csv")), files);
        String text = pdfText(dir.resolve("map.pdf"));
        assertTrue(text.contains("x (m)") && text.contains("y (m)") && text.contains("(dBm)"), text);
        assertEquals(frame.field().grid().nu() * frame.field().grid().nv() + 1,
                Files.readAllLines(dir.resolve("map.csv")).size(), "the frame's grid at its computed resolution");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                .startsWith("exported " + dir.resolve("map.pdf")));

        FigureSource cut = source("Beam cut vs angle");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                onFx(() -> cut.snapshot(true));
                return true;
            } catch (ExecutionException e) {
                return false; // no curves yet
            }
        });
        onFx(() -> window.figureExport().export(cut, dir.resolve("cut.svg"), new FigureSize(900, 600, 96), true))
                .get(60, TimeUnit.SECONDS);
        String svg = Files.readString(dir.resolve("cut.svg"));
        assertTrue(svg.contains(">angle \u03b8 (deg)</text>") && svg.contains(">beampattern (dBm)</text>"), svg);
        List<String> csv = Files.readAllLines(dir.resolve("cut.csv"));
        assertEquals("series,angle_rad,beampattern_w", csv.get(0));
        assertTrue(csv.size() > 100, "the curve's points: " + csv.size());

        // the drawing and the provenance (the scenario's SHA-256) happen on the export thread, never on the FX thread
        AtomicReference<String> drawnOn = new AtomicReference<>();
        AtomicReference<String> provenanceOn = new AtomicReference<>();
        FigureSource probe = new FigureSource() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public Snapshot snapshot(boolean legend) {
                return new Snapshot("probe", meta -> {
                    provenanceOn.set(Thread.currentThread().getName() + " " + meta.scenarioSha256());
                    return (g, w, h) -> drawnOn.set(Thread.currentThread().getName());
                }, out -> out.write("x\n"), new FigureSize(900, 600, 96));
            }
        };
        onFx(() -> window.figureExport().export(probe, dir.resolve("probe.png"), new FigureSize(900, 600, 96), true))
                .get(60, TimeUnit.SECONDS);
        assertEquals("fresnel-export", drawnOn.get());
        assertTrue(provenanceOn.get().matches("fresnel-export [0-9a-f]{64}"), provenanceOn.get());
        assertFalse(Platform.isFxApplicationThread());
    }

    @Test
    void aFolderThatDoesNotExistIsReportedInOneLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.scene().frame() != null));
        FigureSource heatmap = source("Heatmap (2-D view)");
        CompletableFuture<List<Path>> done = onFx(() -> window.figureExport().export(heatmap,
                dir.resolve("missing/map.svg"), new FigureSize(900, 600, 96), true));
        ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("does not exist"), e.getCause().getMessage());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                .startsWith("export failed: cannot write"));
        String message = onFx(() -> model.messageProperty().get());
        assertFalse(message.contains("\n"), message);
        assertTrue(Files.notExists(dir.resolve("missing")));
        // the whole status text stays readable: the label's tooltip and the Log tab have it
        Label label = onFx(() -> (Label) window.lookup("#message"));
        assertEquals(message, onFx(() -> label.getTooltip().getText()));
        MessageLog log = onFx(() -> (MessageLog) window.lookup("#messageLog").getParent());
        assertTrue(onFx(() -> log.lines().stream().anyMatch(l -> l.endsWith(message))), "logged: " + message);
    }

    @Test
    void emptyChartsSayWhyAndDiscreteAxesHaveIntegerTicks() throws Exception {
        List<FigureSource> sources = onFx(() -> window.figureExport().sources());
        assertEquals(List.of("Heatmap (2-D view)", "Beam cut vs angle", "Beam depth (cut vs range)",
                "Eigenvalues of R_X", "Solver convergence", "Tradeoff front", "Comparison A | B"), sources.stream().map(FigureSource::name).toList());
        JFreeChart convergence = onFx(() -> findChart("Solver convergence"));
        assertNotNull(convergence);
        XYPlot plot = (XYPlot) convergence.getPlot();
        assertTrue(plot.getNoDataMessage() != null && !plot.getNoDataMessage().isBlank());
        NumberAxis iterations = (NumberAxis) plot.getDomainAxis();
        assertEquals(1.0, iterations.getStandardTickUnits().getCeilingTickUnit(0.01).getSize(), 0);
        if (onFx(() -> model.convergence().isEmpty())) {
            assertFalse(plot.getRangeAxis().isTickLabelsVisible(), "no ticks of an empty range");
        }
        JFreeChart eigen = onFx(() -> findChart("Eigenvalues of R_X"));
        NumberAxis index = (NumberAxis) ((XYPlot) eigen.getPlot()).getDomainAxis();
        assertEquals(1.0, index.getStandardTickUnits().getCeilingTickUnit(0.1).getSize(), 0, "no 1.1, 1.2, ...");
        assertEquals(java.awt.Color.WHITE, eigen.getBackgroundPaint());
    }

    private JFreeChart findChart(String title) {
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(window));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            if (n instanceof org.jfree.chart.fx.ChartViewer v && v.getChart().getTitle() != null
                    && v.getChart().getTitle().getText().startsWith(title)) {
                return v.getChart();
            }
            if (n instanceof javafx.scene.control.TabPane tp) {
                tp.getTabs().forEach(t -> {
                    if (t.getContent() != null) {
                        todo.push(t.getContent());
                    }
                });
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return null;
    }
}
