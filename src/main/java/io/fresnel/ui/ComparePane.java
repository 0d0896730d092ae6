package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.design.Design;
import io.fresnel.design.Designs;
import io.fresnel.io.MetricsJson;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.service.Evaluation;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Compares two beamformers on the document's scene, for teaching (e.g. near-field CRB-min
 * focusing against far-field steering): design A's beampattern on the left and design B's on the
 * right with one colour range, or their difference map 10 log10(A / B) in dB; below, the metrics
 * of both in two columns. The designs run on {@link CompareRuns} and the maps on their own worker
 * (newest request wins, cancelled when superseded or hidden); the FX thread only paints.
 */
final class ComparePane extends BorderPane implements AutoCloseable {
    /** One metric of both designs. */
    record Row(String name, String a, String b) {
    }

    private static final double SIZE = 360;
    private final CompareRuns runs;
    private final LatestRequestWorker<CompareMaps.Request, CompareMaps.Frames> maps =
            new LatestRequestWorker<>("fresnel-compare", CompareMaps::compute);
    private final ToggleButton difference = new ToggleButton("Difference A / B (dB)");
    private final Canvas left = new Canvas(SIZE, SIZE);
    private final Canvas right = new Canvas(SIZE, SIZE);
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label();
    private final Label scale = new Label();
    private final TableView<Row> table = new TableView<>();
    private CompareMaps.Frames frames;
    private CompareMaps.Request pending;
    private final ObservableValue<Plane> plane;

    /** @param runs the two design runs (a 3-D scene is compared on its default plane) */
    ComparePane(CompareRuns runs) {
        this(runs, null);
    }

    /**
     * @param runs the two design runs
     * @param plane the window's slice plane, on which a 3-D scene is compared (the maps follow
     *     it); null for the scene's default plane
     */
    ComparePane(CompareRuns runs, ObservableValue<Plane> plane) {
        this.runs = runs;
        this.plane = plane;
        if (plane != null) {
            plane.addListener((o, x, y) -> {
                if (runs.activeProperty().get()) {
                    request();
                }
            });
        }
        setId("compare");
        ComboBox<String> a = chooser(runs.a());
        ComboBox<String> b = chooser(runs.b());
        difference.setId("compareDifference");
        difference.selectedProperty().addListener((o, x, y) -> request());
        setTop(new ToolBar(new Label("A:"), a, new Label("B:"), b, difference));
        GridPane maps2 = new GridPane();
        maps2.setHgap(8);
        maps2.setVgap(4);
        maps2.setPadding(new Insets(6));
        maps2.add(leftTitle, 0, 0);
        maps2.add(rightTitle, 1, 0);
        maps2.add(left, 0, 1);
        maps2.add(right, 1, 1);
        maps2.add(scale, 0, 2, 2, 1);
        TableColumn<Row, String> name = new TableColumn<>("Quantity");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(280);
        TableColumn<Row, String> colA = new TableColumn<>("A");
        colA.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().a()));
        colA.setPrefWidth(200);
        TableColumn<Row, String> colB = new TableColumn<>("B");
        colB.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().b()));
        colB.setPrefWidth(200);
        table.getColumns().add(name);
        table.getColumns().add(colA);
        table.getColumns().add(colB);
        table.setId("compareTable");
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(new VBox(maps2, table));
        for (CompareRuns.Side side : List.of(runs.a(), runs.b())) {
            side.evaluationProperty().addListener((o, x, e) -> {
                request();
                fill();
            });
            side.statusProperty().addListener((o, x, s) -> titles());
        }
        titles();
        paint();
    }

    private static ComboBox<String> chooser(CompareRuns.Side side) {
        ComboBox<String> box = new ComboBox<>();
        for (Design d : Designs.all()) {
            box.getItems().add(d.name());
        }
        box.setValue(side.algorithmProperty().get());
        box.valueProperty().addListener((o, x, y) -> side.algorithmProperty().set(y));
        return box;
    }

    /**
     * Shows or hides the comparison: it designs and maps only while shown; hiding cancels the work.
     *
     * @param shown whether its tab is selected
     */
    void setActive(boolean shown) {
        runs.activeProperty().set(shown);
        if (!shown) {
            maps.cancel();
            pending = null;
        }
    }

    /** @return the frames painted now, or null (for tests) */
    CompareMaps.Frames frames() {
        return frames;
    }

    /** @return the comparison as an exportable figure (File &gt; Export figure...) */
    FigureSource figure() {
        return CompareFigure.source(this::frames, () -> new String[] {shown(runs.a(), frames.request().a()),
                shown(runs.b(), frames.request().b())});
    }

    /** @return the name of the design whose precoder a map shows (its side's, if that map is still of it) */
    private static String shown(CompareRuns.Side side, Scenario mapped) {
        Evaluation e = side.evaluationProperty().get();
        return e != null && e.designed() == mapped && e.design() != null ? e.design().algorithm()
                : String.valueOf(side.algorithmProperty().get());
    }

    /** @return the metrics table (for tests) */
    TableView<Row> table() {
        return table;
    }

    /** @return the toggle between side by side and the difference map */
    ToggleButton differenceToggle() {
        return difference;
    }

    private void titles() {
        boolean diff = difference.isSelected();
        leftTitle.setText(diff ? "A / B (dB): " + runs.a().statusProperty().get() + "; "
                + runs.b().statusProperty().get() : "A: " + runs.a().statusProperty().get());
        rightTitle.setText(diff ? "" : "B: " + runs.b().statusProperty().get());
    }

    private void request() {
        titles();
        Evaluation ea = runs.a().evaluationProperty().get();
        Evaluation eb = runs.b().evaluationProperty().get();
        frames = null;
        if (ea == null || eb == null || ea.designed().precoder() == null || eb.designed().precoder() == null) {
            maps.cancel();
            pending = null;
            scale.setText(ea == null || eb == null ? "waiting for both designs" : "a design has no precoder");
            paint();
            return;
        }
        Scenario sa = ea.designed();
        GridSpec grid = CompareMaps.gridFor(sa, plane == null ? null : plane.getValue());
        CompareMaps.Request r = new CompareMaps.Request(sa, eb.designed(), grid,
                difference.isSelected() ? CompareMaps.Mode.DIFFERENCE : CompareMaps.Mode.SIDE_BY_SIDE);
        pending = r;
        scale.setText("maps: computing\u2026");
        maps.submit(r, outcome -> Platform.runLater(() -> delivered(r, outcome)));
    }

    private void delivered(CompareMaps.Request r, Outcome<CompareMaps.Frames> outcome) {
        if (r != pending) {
            return; // superseded
        }
        if (outcome instanceof Outcome.Success<CompareMaps.Frames> s) {
            frames = s.value();
            scale.setText(r.mode() == CompareMaps.Mode.DIFFERENCE
                    ? String.format("colour: 10 log10(A / B) on %s from %.1f dB (B stronger) to +%.1f dB"
                            + " (A stronger), cividis", r.grid().plane(), frames.low(), frames.high())
                    : String.format("colour: beampattern on %s from %.1f to %.1f dBm, viridis, same range for A"
                            + " and B", r.grid().plane(), frames.low(), frames.high()));
        } else if (outcome instanceof Outcome.Failure<CompareMaps.Frames> f) {
            scale.setText("maps failed: " + f.error().getMessage());
        }
        paint();
    }

    private void paint() {
        boolean diff = difference.isSelected();
        right.setVisible(!diff);
        draw(left.getGraphicsContext2D(), frames == null ? null : frames.left());
        draw(right.getGraphicsContext2D(), frames == null ? null : frames.right());
    }

    private void draw(GraphicsContext g, int[] argb) {
        g.setFill(Color.gray(0.92));
        g.fillRect(0, 0, SIZE, SIZE);
        if (argb == null || frames == null) {
            return;
        }
        GridSpec grid = frames.request().grid();
        WritableImage img = new WritableImage(grid.nu(), grid.nv());
        img.getPixelWriter().setPixels(0, 0, grid.nu(), grid.nv(), PixelFormat.getIntArgbInstance(), argb, 0,
                grid.nu());
        g.setImageSmoothing(false);
        g.drawImage(img, 0, 0, SIZE, SIZE);
        Scenario s = frames.request().a();
        g.setFill(Color.WHITE);
        for (Vec3 p : s.txArray().positions()) {
            g.fillRect(x(grid, p) - 1, y(grid, p) - 1, 2, 2);
        }
        s.users().forEach(n -> marker(g, grid, n.positionM(), n.id(), Color.DODGERBLUE));
        s.eavesdroppers().forEach(n -> marker(g, grid, n.positionM(), n.id(), Color.CRIMSON));
        s.targets().forEach(n -> marker(g, grid, n.positionM(), n.id(), Color.ORANGE));
    }

    private static void marker(GraphicsContext g, GridSpec grid, Vec3 p, String id, Color c) {
        double x = x(grid, p);
        double y = y(grid, p);
        g.setFill(c);
        g.fillOval(x - 4, y - 4, 8, 8);
        g.setStroke(Color.WHITE);
        g.strokeOval(x - 4, y - 4, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(id, x + 6, y - 6);
    }

    /** @return the horizontal pixel of a point's projection onto the maps' plane */
    private static double x(GridSpec grid, Vec3 p) {
        return (grid.plane().project(p)[0] - grid.u0()) / (grid.u1() - grid.u0()) * SIZE;
    }

    /** @return the vertical pixel of a point's projection onto the maps' plane */
    private static double y(GridSpec grid, Vec3 p) {
        return (grid.v1() - grid.plane().project(p)[1]) / (grid.v1() - grid.v0()) * SIZE;
    }

    /** Fills the table: every metric of either design, A and B side by side. */
    private void fill() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        collect(runs.a().evaluationProperty().get(), 0, rows);
        collect(runs.b().evaluationProperty().get(), 1, rows);
        List<Row> out = new ArrayList<>();
        rows.forEach((k, v) -> out.add(new Row(k, v[0] == null ? "" : v[0], v[1] == null ? "" : v[1])));
        table.getItems().setAll(out);
    }

    private static void collect(Evaluation e, int column, Map<String, String[]> rows) {
        if (e == null || e.metrics() == null) {
            return;
        }
        JsonNode json = MetricsJson.toJson(e.metrics());
        for (String section : new String[] {"system", "users", "eavesdroppers", "targets"}) {
            JsonNode node = json.get(section);
            if (node == null) {
                continue;
            }
            if (section.equals("system")) {
                values("system", node, column, rows);
            } else {
                node.properties().forEach(n -> values(n.getKey(), n.getValue(), column, rows));
            }
        }
    }

    private static void values(String prefix, JsonNode node, int column, Map<String, String[]> rows) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            String key = prefix + " " + f.getKey();
            if (v.isNumber()) {
                rows.computeIfAbsent(key, k -> new String[2])[column] = MetricFormat.format(f.getKey(), v.asDouble());
            } else if (v.isObject()) {
                values(key, v, column, rows);
            } else if (v.isTextual()) {
                rows.computeIfAbsent(key, k -> new String[2])[column] = v.asText();
            }
        }
    }

    @Override
    public void close() {
        maps.close();
        runs.close();
    }
}
