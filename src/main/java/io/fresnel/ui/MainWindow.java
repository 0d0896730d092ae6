package io.fresnel.ui;

import io.fresnel.design.Design;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.Layer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The explorer window's content: menus, the toolbar (beamformer, heatmap layer, colormap,
 * dynamic range), the scene, the side panels (properties, metrics, charts) and the status line.
 * It binds and delegates; the state lives in {@link ExplorerViewModel}.
 */
public final class MainWindow extends BorderPane implements AutoCloseable {
    private static final String FILE_PRECODER = "(precoder from the file)";

    private final ExplorerViewModel model;
    private final SceneOptions options = new SceneOptions();
    private final SceneCanvas scene;
    private final HeatmapController heatmap;
    private final Scene3DView view3d;
    private final TabPane views = new TabPane();
    private final MusicMarkers musicMarkers;
    private final ChartsPanel charts;
    private final StochasticPanel stochastic;
    private final TradeoffPanel tradeoff;
    private final FigureExportDialog figureExport;
    private final ComparePane compare;
    private final ComboBox<Layer> layers = new ComboBox<>();
    private final Label hover = new Label();

    /** @param model the window state */
    public MainWindow(ExplorerViewModel model) {
        this.model = model;
        this.scene = new SceneCanvas(model, options);
        this.heatmap = new HeatmapController(model, scene);
        this.musicMarkers = new MusicMarkers(model, heatmap, scene);
        this.charts = new ChartsPanel(model);
        this.stochastic = new StochasticPanel(model);
        this.tradeoff = new TradeoffPanel(model);
        this.figureExport = new FigureExportDialog(model, scene::frame);
        charts.figures().forEach(figureExport::register);
        figureExport.register(FigureSource.chart("Tradeoff front", tradeoff.chart(), () -> {
            io.fresnel.tradeoff.TradeoffFront front = tradeoff.front();
            if (front == null) {
                return null;
            }
            String text = io.fresnel.tradeoff.TradeoffCsv.format(front);
            return out -> out.write(text);
        }, "no front yet: open the Tradeoff tab on a scene that has one and let it trace"));
        scene.setOnHover(hover::setText);
        scene.setId("scene");

        TabPane side = new TabPane(new Tab("Properties", new PropertiesPanel(model)),
                new Tab("Metrics", new MetricsPanel(model)), new Tab("Charts", charts),
                new Tab("Stochastic", stochastic), tradeoff.tab(), new Tab("Log", new MessageLog(model.messageProperty(),
                        model.solverStatusProperty(), heatmap.statusProperty())));
        side.getTabs().forEach(t -> t.setClosable(false));
        side.getSelectionModel().select(1);
        side.setPrefWidth(520);
        ColorbarView colorbar = new ColorbarView();
        scene.setOnFrameShown(colorbar::show);
        BorderPane sceneWithBar = new BorderPane(scene);
        sceneWithBar.setRight(colorbar);
        this.view3d = new Scene3DView(model, options, heatmap);
        view3d.setOnHover(hover::setText);
        Tab tab2d = new Tab("2-D", sceneWithBar);
        tab2d.setId("tab2d");
        Tab tab3d = new Tab("3-D", view3d);
        tab3d.setId("tab3d");
        this.compare = new ComparePane(new CompareRuns(model.document(), Platform::runLater),
                model.slice().planeProperty());
        figureExport.register(compare.figure());
        Tab tabCompare = new Tab("Compare A | B", compare);
        tabCompare.setId("tabCompare");
        views.getTabs().addAll(tab2d, tab3d, tabCompare);
        views.getTabs().forEach(t -> t.setClosable(false));
        views.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            heatmap.setActive(t == tab2d); // the 2-D heatmap is not computed behind the 3-D or compare view
            view3d.setActive(t == tab3d);
            compare.setActive(t == tabCompare);
        });
        SplitPane split = new SplitPane(views, side);
        split.setDividerPositions(0.63);
        SplitPane.setResizableWithParent(side, false);

        setTop(new VBox(menus(), toolbar(), new ToolBar(new SliceBar(model))));
        setCenter(split);
        setBottom(statusBar());
        model.scenarioProperty().addListener((o, a, s) -> refreshLayers(s));
        refreshLayers(model.getScenario());
    }

    /** @return the beamformer comparison (the "Compare A | B" tab) */
    ComparePane compare() {
        return compare;
    }

    /** @return the scene (tests drag on its canvas) */
    public SceneCanvas scene() {
        return scene;
    }

    /** @return the heatmap controller */
    public HeatmapController heatmap() {
        return heatmap;
    }

    /** @return the 3-D view */
    public Scene3DView view3d() {
        return view3d;
    }

    /**
     * Shows the 2-D canvas or the 3-D view.
     *
     * @param threeD whether to show the 3-D view
     */
    public void showView(boolean threeD) {
        views.getSelectionModel().select(threeD ? 1 : 0);
    }

    /** @return File &gt; Export figure... (a panel registers its charts with it) */
    public FigureExportDialog figureExport() {
        return figureExport;
    }

    /** @return the view model */
    public ExplorerViewModel model() {
        return model;
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        MenuItem newDoc = item("_New", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmDiscard()) {
                model.newDocument();
                scene.fitScene();
            }
        });
        MenuItem open = item("_Open\u2026", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::openFile);
        MenuItem save = item("_Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            Path f = model.fileProperty().get();
            if (f == null) {
                saveAs();
            } else {
                model.saveAs(f);
            }
        });
        MenuItem saveAs = item("Save _As\u2026", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::saveAs);
        MenuItem exportFigure = item("Export _figure\u2026", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN), () -> figureExport.show(window()));
        MenuItem snapshot = item("Export window as _PNG\u2026", null, () -> {
            File f = chooser("PNG image", "*.png").showSaveDialog(window());
            if (f != null) {
                WindowSnapshot.write(this, f.toPath(), ok -> model.report(ok));
            }
        });
        MenuItem quit = item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmDiscard()) {
                window().hide();
            }
        });
        file.getItems().addAll(newDoc, open, save, saveAs, new SeparatorMenuItem(), exportFigure, snapshot,
                new SeparatorMenuItem(),
                quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("_Redo", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        edit.getItems().addAll(undo, redo, item("_Cancel running work", new KeyCodeCombination(KeyCode.ESCAPE),
                this::cancelWork), new SeparatorMenuItem());
        for (NodeKind kind : NodeKind.values()) {
            edit.getItems().add(item("Add " + kind.label(), null, () -> {
                Viewport v = scene.viewport();
                model.addNode(kind, scene.plane().point(v.worldX(v.width() * 0.6), v.worldY(v.height() * 0.4)));
            }));
        }
        MenuItem delete = item("_Delete selected", new KeyCodeCombination(KeyCode.DELETE), model::deleteSelected);
        delete.disableProperty().bind(model.selectedIdProperty().isNull());
        edit.getItems().addAll(delete);

        Menu view = new Menu("_View");
        for (BooleanProperty p : options.all()) {
            CheckMenuItem c = new CheckMenuItem(SceneOptions.label(p));
            c.selectedProperty().bindBidirectional(p);
            view.getItems().add(c);
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("_Fit scene", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), scene::fitScene),
                item("Zoom to _array elements", null, scene::fitArray),
                item("_Reset 3-D view", null, () -> view3d.resetView()));

        Menu presets = new Menu("_Presets");
        for (Presets.Preset p : Presets.all()) {
            presets.getItems().add(item(p.title(), null, () -> {
                if (confirmDiscard()) {
                    model.loadPreset(p);
                    scene.fitScene();
                }
            }));
        }
        return new MenuBar(file, edit, view, presets);
    }

    private ToolBar toolbar() {
        ComboBox<String> algorithms = new ComboBox<>();
        List<String> names = new ArrayList<>();
        names.add(FILE_PRECODER);
        for (Design d : Designs.all()) {
            names.add(d.name());
        }
        algorithms.setItems(FXCollections.observableArrayList(names));
        algorithms.setId("algorithm");
        algorithms.setPrefWidth(190);
        algorithms.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : describe(name));
            }
        });
        algorithms.setValue(model.algorithmProperty().get() == null ? FILE_PRECODER : model.algorithmProperty().get());
        algorithms.valueProperty().addListener((o, a, v) -> model.algorithmProperty().set(
                FILE_PRECODER.equals(v) ? null : v));
        model.algorithmProperty().addListener((o, a, v) -> algorithms.setValue(v == null ? FILE_PRECODER : v));
        CheckBox auto = new CheckBox("re-solve on edit");
        auto.selectedProperty().bindBidirectional(model.autoSolveProperty());
        Button solve = new Button("Solve");
        solve.setOnAction(e -> model.solveNow());

        layers.setId("layer");
        layers.setConverter(new StringConverter<>() {
            @Override
            public String toString(Layer l) {
                return l == null ? "" : LayerChoices.label(model.getScenario(), l);
            }

            @Override
            public Layer fromString(String s) {
                return null;
            }
        });
        layers.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                heatmap.layerProperty().set(v);
            }
        });
        ComboBox<Colormap> maps = new ComboBox<>(FXCollections.observableArrayList(Colormap.values()));
        maps.setConverter(new StringConverter<>() {
            @Override
            public String toString(Colormap c) {
                return c == null ? "" : c.key();
            }

            @Override
            public Colormap fromString(String s) {
                return Colormap.fromKey(s);
            }
        });
        maps.valueProperty().bindBidirectional(heatmap.colormapProperty());
        Slider range = new Slider(10, 100, 40);
        range.setPrefWidth(110);
        range.valueProperty().bindBidirectional(heatmap.dynamicRangeDbProperty());
        Label rangeLabel = new Label();
        rangeLabel.textProperty().bind(heatmap.dynamicRangeDbProperty().asString("%.0f dB"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty().or(model.document().loadingProperty())
                .or(heatmap.computingProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(busy.visibleProperty());
        cancel.setOnAction(e -> cancelWork());
        return new ToolBar(new Label("Beamformer"), algorithms, auto, solve, busy, cancel, new Label("  Heatmap"), layers,
                maps,
                new Label("range"), range, rangeLabel);
    }

    /** Cancels the file being read, the design, the heatmap and the charts being computed (Escape). */
    void cancelWork() {
        model.cancel();
        heatmap.cancel();
        charts.cancel();
        tradeoff.cancel();
    }

    private static String describe(String name) {
        if (FILE_PRECODER.equals(name)) {
            return name;
        }
        return Designs.byName(name).description();
    }

    private HBox statusBar() {
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setId("message");
        Label solver = new Label();
        solver.textProperty().bind(model.solverStatusProperty());
        solver.setId("solverStatus");
        Label render = new Label();
        render.textProperty().bind(javafx.beans.binding.Bindings.when(
                views.getSelectionModel().selectedIndexProperty().isEqualTo(1)).then(view3d.statusProperty())
                .otherwise(heatmap.statusProperty()));
        hover.setMinWidth(420);
        hover.setId("hoverStatus");
        for (Label l : new Label[] {message, solver, render}) {
            MessageLog.fullText(l); // the whole text even when the bar cuts it; also in the Log tab
        }
        HBox bar = new HBox(18, hover, new javafx.scene.control.Separator(Orientation.VERTICAL), solver,
                new javafx.scene.control.Separator(Orientation.VERTICAL), render,
                new javafx.scene.control.Separator(Orientation.VERTICAL), message);
        HBox.setHgrow(message, Priority.ALWAYS);
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    private void refreshLayers(Scenario s) {
        List<Layer> choices = LayerChoices.of(s);
        if (!choices.equals(layers.getItems())) {
            Layer current = heatmap.layerProperty().get();
            layers.setItems(FXCollections.observableArrayList(choices));
            layers.setValue(choices.contains(current) ? current : choices.get(0));
        }
    }

    private void openFile() {
        if (!confirmDiscard()) {
            return;
        }
        File f = chooser("Fresnel scenario", "*.json").showOpenDialog(window());
        if (f != null) {
            model.open(f.toPath());
        }
    }

    private void saveAs() {
        File f = chooser("Fresnel scenario", "*.json").showSaveDialog(window());
        if (f != null) {
            model.saveAs(f.toPath());
        }
    }

    /** @return whether unsaved edits may be discarded (asks the user when there are some) */
    boolean confirmDiscard() {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The scenario has unsaved changes. Discard them?",
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.initOwner(window());
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private FileChooser chooser(String what, String pattern) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        Path current = model.fileProperty().get();
        if (current != null && current.getParent() != null) {
            c.setInitialDirectory(current.getParent().toFile());
        }
        return c;
    }

    private Window window() {
        return getScene().getWindow();
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    @Override
    public void close() {
        heatmap.close();
        view3d.close();
        musicMarkers.close();
        charts.close();
        stochastic.close();
        tradeoff.close();
        figureExport.close();
        compare.close();
        model.close();
    }
}
