package io.fresnel.ui;

import io.fresnel.design.DesignResult;
import io.fresnel.figure.FigureFiles;
import io.fresnel.figure.FigureFormat;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.figure.FigureSize;
import io.fresnel.model.Scenario;
import io.fresnel.render.FieldCsv;
import io.fresnel.render.HeatmapFigure;
import io.fresnel.service.Evaluation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File &gt; Export figure...: a dialog that chooses the figure (the heatmap of the 2-D view or a
 * registered chart), the format (PNG, SVG, PDF), the size in pixels, the DPI and the legend, then
 * a file; the figure is copied on the FX thread ({@link FigureSource#snapshot}) and drawn,
 * stamped with its provenance (the scenario's SHA-256 is computed there too) and written on a
 * background thread ({@code fresnel-export}) with its data CSV beside it, all or
 * nothing ({@link FigureFiles}). The outcome, or the one-line reason of a failure (a folder that
 * cannot be written, an absurd size or DPI, nothing to export), goes to the status line.
 */
public final class FigureExportDialog implements AutoCloseable {
    private final ExplorerViewModel model;
    private final List<FigureSource> sources = new ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fresnel-export");
        t.setDaemon(true);
        return t;
    });
    private FigureSource lastSource;
    private FigureFormat lastFormat = FigureFormat.PDF;
    private int lastDpi = 300;
    private boolean lastLegend = true;

    /**
     * @param model the window state (the scenario and design of the provenance)
     * @param frame the heatmap frame on screen (or null), read on the FX thread
     */
    public FigureExportDialog(ExplorerViewModel model, Supplier<HeatmapFrame> frame) {
        this.model = model;
        sources.add(heatmap(frame));
    }

    /**
     * Adds a figure to the dialog's list (a panel's chart, see {@link FigureSource#chart}).
     *
     * @param source the figure
     */
    public void register(FigureSource source) {
        sources.add(source);
    }

    /** @return the figures the dialog offers, the heatmap first */
    public List<FigureSource> sources() {
        return List.copyOf(sources);
    }

    /**
     * Shows the dialog, then the file chooser, then exports in the background (FX thread).
     *
     * @param owner the window
     */
    public void show(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export figure");
        d.setHeaderText("Vector (SVG, PDF) or raster (PNG) figure, with its data as CSV beside it");
        ComboBox<FigureSource> what = new ComboBox<>(FXCollections.observableArrayList(sources));
        what.setConverter(new StringConverter<>() {
            @Override
            public String toString(FigureSource s) {
                return s == null ? "" : s.name();
            }

            @Override
            public FigureSource fromString(String s) {
                return null;
            }
        });
        what.setValue(lastSource != null && sources.contains(lastSource) ? lastSource : sources.get(0));
        ComboBox<FigureFormat> format = new ComboBox<>(FXCollections.observableArrayList(FigureFormat.values()));
        format.setValue(lastFormat);
        Spinner<Integer> dpi = new Spinner<>(FigureSize.MIN_DPI, FigureSize.MAX_DPI, lastDpi, 50);
        Spinner<Integer> width = new Spinner<>(1, FigureSize.MAX_SIDE_PX, 2700, 100);
        Spinner<Integer> height = new Spinner<>(1, FigureSize.MAX_SIDE_PX, 1800, 100);
        for (Spinner<Integer> s : List.of(dpi, width, height)) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        CheckBox legend = new CheckBox("legend");
        legend.setSelected(lastLegend);
        Runnable defaults = () -> {
            FigureSize natural = naturalSize(what.getValue(), legend.isSelected());
            width.getValueFactory().setValue((int) Math.round(natural.widthPx() * dpi.getValue() / 96.0));
            height.getValueFactory().setValue((int) Math.round(natural.heightPx() * dpi.getValue() / 96.0));
        };
        what.valueProperty().addListener((o, a, b) -> defaults.run());
        dpi.valueProperty().addListener((o, a, b) -> defaults.run());
        defaults.run();
        Label inches = new Label();
        Runnable physical = () -> inches.setText(String.format("%.2f x %.2f in", width.getValue() / (double) dpi.getValue(),
                height.getValue() / (double) dpi.getValue()));
        width.valueProperty().addListener((o, a, b) -> physical.run());
        height.valueProperty().addListener((o, a, b) -> physical.run());
        physical.run();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Figure"), what);
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("DPI"), dpi);
        grid.addRow(3, new Label("Width (px)"), width);
        grid.addRow(4, new Label("Height (px)"), height, inches);
        grid.addRow(5, new Label(""), legend);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        lastSource = what.getValue();
        lastFormat = format.getValue();
        lastDpi = dpi.getValue();
        lastLegend = legend.isSelected();
        FigureSize size;
        try {
            size = new FigureSize(width.getValue(), height.getValue(), dpi.getValue());
        } catch (IllegalArgumentException e) {
            model.report("export: " + e.getMessage());
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(lastFormat.name(), "*." + lastFormat.extension()));
        chooser.setInitialFileName(fileName(lastSource.name()) + "." + lastFormat.extension());
        Path current = model.fileProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Path out = withExtension(f.toPath(), lastFormat);
        export(lastSource, out, size, lastLegend);
    }

    /**
     * Copies the figure now and writes it in the background; the outcome goes to the status line
     * (FX thread).
     *
     * @param source the figure
     * @param out the file (its extension chooses the format)
     * @param size pixels and DPI
     * @param legend whether to draw the legend
     * @return the files written, or the failure (its message is the one-line reason)
     */
    public CompletableFuture<List<Path>> export(FigureSource source, Path out, FigureSize size, boolean legend) {
        FigureSource.Snapshot snap;
        try {
            snap = source.snapshot(legend);
        } catch (IllegalStateException e) {
            model.report("export: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        Provenance in = provenance();
        model.report("exporting " + out.getFileName() + " (" + size + ")\u2026");
        CompletableFuture<List<Path>> done = CompletableFuture.supplyAsync(() -> {
            try {
                FigureMetadata meta = in.of(snap.title(), snap.designs());
                return FigureFiles.write(out, snap.drawing().apply(meta), size, meta, snap.data());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, worker);
        done.whenComplete((files, error) -> Platform.runLater(() -> model.report(error == null
                ? "exported " + files.get(0) + " and " + files.get(1).getFileName()
                        + (snap.sameAs() == null ? "" : "; " + snap.sameAs())
                : "export failed: " + reason(error))));
        return done;
    }

    /**
     * What a figure's provenance is made of, taken on the FX thread when the figure is copied; the
     * scenario's SHA-256 (which writes the whole scenario) is computed on the export thread.
     */
    private record Provenance(Scenario scenario, String design, String status) {
        FigureMetadata of(String title, String designs) {
            return FigureMetadata.now(title, scenario.name(), FigureMetadata.sha256(scenario),
                    designs != null ? designs : design, designs != null ? null : status);
        }
    }

    /** @return the scenario and design in force now */
    private Provenance provenance() {
        Evaluation e = model.evaluationProperty().get();
        Scenario s = e != null ? e.designed() : model.getScenario();
        DesignResult r = e != null ? e.design() : null;
        String design = r != null ? r.algorithm() : s.precoder() != null ? "precoder from the file" : null;
        return new Provenance(s, design, r != null ? r.status().jsonName() : null);
    }

    private FigureSize naturalSize(FigureSource s, boolean legend) {
        try {
            return s.snapshot(legend).defaultSize();
        } catch (IllegalStateException e) {
            return new FigureSize(900, 600, FigureSize.SCREEN_DPI);
        }
    }

    private static FigureSource heatmap(Supplier<HeatmapFrame> frame) {
        return new FigureSource() {
            @Override
            public String name() {
                return "Heatmap (2-D view)";
            }

            @Override
            public Snapshot snapshot(boolean legend) {
                HeatmapFrame f = frame.get();
                if (f == null) {
                    throw new IllegalStateException("no heatmap on the 2-D view yet");
                }
                Scenario s = f.request().scenario();
                double[] natural = HeatmapFigure.naturalSize(f.field().grid(), legend);
                return new Snapshot(HeatmapFigure.title(f.field(), s),
                        meta -> new HeatmapFigure(f.field(), f.scale(), f.low(), f.high(), f.request().colormap(), s,
                                legend, meta),
                        w -> FieldCsv.write(f.field(), w), FigureSize.ofLayout(natural[0], natural[1], FigureSize.SCREEN_DPI),
                        null, sameAs(f));
            }
        };
    }

    /**
     * @param f a heatmap frame
     * @return the {@code render} arguments that compute the same values on the same grid (from a
     *     file of the same scenario and precoder: File &gt; Save As writes the precoder in force;
     *     a broadside plane as {@code --plane=broadside:ID}, which the command computes from the
     *     saved node positions), or why there are none (an oblique plane that is not the
     *     broadside plane of a node of the frame's scenario)
     */
    static String sameAs(HeatmapFrame f) {
        var g = f.field().grid();
        String plane = io.fresnel.render.PlaneArgument.of(g.plane(), f.request().scenario());
        if (plane == null) {
            return "the CSV's plane (" + g.plane() + ") is oblique and not a node's broadside plane: render --plane"
                    + " takes x=C, y=C, z=C or broadside:NODE only";
        }
        return "the same values: fresnel render SAVED.json --layer=" + f.request().layer().key() + " --plane="
                + plane + " --extent=" + g.u0() + "," + g.u1() + "," + g.v0() + "," + g.v1() + " --grid="
                + g.nu() + "x" + g.nv() + " --csv=GRID.csv --out=MAP.png (SAVED.json: File > Save As, which writes"
                + " the precoder in force)";
    }

    private static String reason(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    private static String fileName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Path withExtension(Path p, FigureFormat f) {
        String n = p.getFileName().toString();
        return FigureFormat.ofFile(p) == f && (f != FigureFormat.PNG || n.toLowerCase(java.util.Locale.ROOT)
                .endsWith(".png")) ? p : p.resolveSibling(n + "." + f.extension());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
