package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.figure.FigureFiles;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.service.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The beamformer comparison headless (Monocle) on the lecture scene: both designs side by side
 * on one colour range with both metric columns, the difference map (0 dB for the same design,
 * positive at a near-field user for focusing against far-field steering), newest request wins,
 * and the document is not changed.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ComparePaneTest {
    private ExplorerViewModel model;
    private CompareRuns runs;
    private ComparePane pane;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        model.autoSolveProperty().set(false);
        runs = new CompareRuns(model.document(), Platform::runLater);
        pane = new ComparePane(runs);
        stage.setScene(new Scene(pane, 800, 760));
        fixture.closing(pane, model);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    private void choose(String a, String b, boolean difference) throws Exception {
        onFx(() -> {
            runs.a().algorithmProperty().set(a);
            runs.b().algorithmProperty().set(b);
            pane.differenceToggle().setSelected(difference);
            runs.activeProperty().set(true);
            return null;
        });
    }

    private CompareMaps.Frames awaitFrames(CompareMaps.Mode mode, String a, String b) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> {
            CompareMaps.Frames f = pane.frames();
            Evaluation ea = runs.a().evaluationProperty().get();
            Evaluation eb = runs.b().evaluationProperty().get();
            return f != null && f.request().mode() == mode && ea != null && eb != null
                    && ea.design().algorithm().equals(a) && eb.design().algorithm().equals(b)
                    && f.request().a() == ea.designed() && f.request().b() == eb.designed();
        }));
        return onFx(pane::frames);
    }

    /**
     * The model designs its first scenario as it is built (before the test can switch automatic
     * solving off): waits for that run to end and returns the document's scenario then.
     */
    private Scenario settledDocument() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(
                () -> !model.runs().busyProperty().get() && model.evaluationProperty().get() != null));
        return onFx(model::getScenario);
    }

    @Test
    void bothDesignsSideBySideOnOneColourRangeWithBothMetricColumns() throws Exception {
        Scenario before = settledDocument();
        choose("mrt", "far-field-steering", false);
        CompareMaps.Frames f = awaitFrames(CompareMaps.Mode.SIDE_BY_SIDE, "mrt", "far-field-steering");
        assertNotNull(f.right());
        assertEquals(CompareMaps.DYNAMIC_RANGE_DB, f.high() - f.low(), 1e-9);
        assertFalse(Arrays.equals(f.left(), f.right()), "focusing and steering radiate differently");
        var rows = onFx(() -> pane.table().getItems().stream().toList());
        var sinr = rows.stream().filter(r -> r.name().equals("u1 sinr")).findFirst().orElseThrow(
                () -> new AssertionError("no u1 sinr in " + rows));
        assertFalse(sinr.a().isEmpty() || sinr.b().isEmpty(), sinr.toString());
        assertFalse(sinr.a().equals(sinr.b()), sinr.toString());
        assertSame(before, onFx(model::getScenario), "the comparison does not change the document");
    }

    @Test
    void theDifferenceMapIsZeroForOneDesignAndFavoursFocusingAtANearFieldUser() throws Exception {
        choose("mrt", "mrt", true);
        CompareMaps.Frames same = awaitFrames(CompareMaps.Mode.DIFFERENCE, "mrt", "mrt");
        assertNull(same.right());
        long finite = Arrays.stream(same.difference()).filter(Double::isFinite).count();
        assertTrue(finite > same.difference().length / 2, "defined almost everywhere: " + finite);
        for (double d : same.difference()) {
            assertTrue(!Double.isFinite(d) || Math.abs(d) < 1e-9, "A / B of one design is 0 dB, got " + d);
        }
        choose("mrt", "far-field-steering", true);
        CompareMaps.Frames f = awaitFrames(CompareMaps.Mode.DIFFERENCE, "mrt", "far-field-steering");
        // u1 at 4.1 m is deep in the near field (2 D^2 / lambda = 85 m): the focused beam delivers more there
        Vec3 u1 = onFx(model::getScenario).users().get(0).positionM();
        GridSpec g = f.request().grid();
        int iu = (int) Math.round((u1.x() - g.u0()) / (g.u1() - g.u0()) * (g.nu() - 1));
        int iv = (int) Math.round((u1.y() - g.v0()) / (g.v1() - g.v0()) * (g.nv() - 1));
        double atUser = f.difference()[g.index(iu, iv)];
        assertTrue(atUser > 1, "MRT / far-field steering at u1: " + atUser + " dB");
        assertTrue(f.low() < 0 && f.high() > 0 && f.high() == -f.low(), f.low() + " .. " + f.high());
    }

    @Test
    void theNewestChoiceWinsAndHidingCancels() throws Exception {
        onFx(() -> {
            runs.a().algorithmProperty().set("crb-min-sdr");
            runs.activeProperty().set(true);
            runs.a().algorithmProperty().set("zf");
            return null;
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> runs.a().evaluationProperty().get() != null));
        assertEquals("zf", onFx(() -> runs.a().evaluationProperty().get().design().algorithm()));
        onFx(() -> {
            runs.activeProperty().set(false);
            runs.b().algorithmProperty().set("mrt");
            return null;
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertTrue(onFx(() -> runs.b().evaluationProperty().get() == null
                || !runs.b().evaluationProperty().get().design().algorithm().equals("mrt")),
                "hidden: nothing is computed");
    }

    @Test
    void bothModesExportAsVectorFiguresWithBothFieldsAndTheirRatioInTheCsv(@TempDir Path dir) throws Exception {
        choose("mrt", "far-field-steering", false);
        CompareMaps.Frames side = awaitFrames(CompareMaps.Mode.SIDE_BY_SIDE, "mrt", "far-field-steering");
        FigureSource.Snapshot snap = onFx(() -> pane.figure().snapshot(true));
        assertEquals("A: mrt; B: far-field-steering", snap.designs());
        FigureMetadata meta = FigureMetadata.now(snap.title(), "lecture", null, snap.designs(), null);
        List<Path> files = FigureFiles.write(dir.resolve("ab.svg"), snap.drawing().apply(meta), snap.defaultSize(),
                meta, snap.data());
        String svg = Files.readString(files.get(0));
        assertTrue(svg.contains("A: mrt on ") && svg.contains("B: far-field-steering on "), "both panels' titles");
        assertTrue(snap.defaultSize().width() > snap.defaultSize().height(), "two panels side by side: " + snap.defaultSize());
        List<String> csv = Files.readAllLines(files.get(1));
        assertEquals(CompareFigure.HEADER, csv.get(0));
        GridSpec g = side.request().grid();
        assertEquals(g.size() + 1, csv.size());
        int checked = 0;
        for (int i = 0; i < g.size(); i++) {
            String[] cols = csv.get(i + 1).split(",", -1);
            double a = side.a().value(i);
            double b = side.b().value(i);
            if (a > 0 && b > 0) {
                // the CSV holds both beampatterns in W and 10 log10(A / B), written out here by hand
                assertEquals(a, Double.parseDouble(cols[3]), 0);
                assertEquals(b, Double.parseDouble(cols[4]), 0);
                assertEquals(10 * Math.log10(a / b), Double.parseDouble(cols[5]), 1e-9);
                checked++;
            } else {
                assertEquals("", cols[5], "an undefined ratio is left empty: " + csv.get(i + 1));
            }
        }
        assertTrue(checked > g.size() / 2, "points with both powers: " + checked);

        onFx(() -> {
            pane.differenceToggle().setSelected(true);
            return null;
        });
        awaitFrames(CompareMaps.Mode.DIFFERENCE, "mrt", "far-field-steering");
        FigureSource.Snapshot diff = onFx(() -> pane.figure().snapshot(false));
        assertTrue(diff.title().startsWith("mrt / far-field-steering (dB) on "), diff.title());
        FigureMetadata m2 = FigureMetadata.now(diff.title(), "lecture", null, diff.designs(), null);
        List<Path> pdf = FigureFiles.write(dir.resolve("ratio.pdf"), diff.drawing().apply(m2), diff.defaultSize(), m2,
                diff.data());
        assertTrue(Files.size(pdf.get(0)) > 1000, "a PDF");
        assertEquals(CompareFigure.HEADER, Files.readAllLines(pdf.get(1)).get(0));
    }

    @Test
    void beforeAnyMapTheExportSaysWhy() throws Exception {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> {
                    try {
                        onFx(() -> pane.figure().snapshot(true));
                    } catch (java.util.concurrent.ExecutionException x) {
                        throw x.getCause();
                    }
                });
        assertTrue(e.getMessage().startsWith("no comparison yet"), e.getMessage());
    }
}
