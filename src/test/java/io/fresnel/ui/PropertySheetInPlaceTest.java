package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The property sheet keeps its editors while a node is dragged: every drag step changes the
 * scenario, and the sheet shows the new position, range and angle in the editors it has, instead
 * of building a new editor for every row on every step. A change of the rows' shape (another
 * node selected) still gives new editors, and text the user is typing is not overwritten.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PropertySheetInPlaceTest {
    private ExplorerViewModel model;
    private PropertiesPanel panel;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        model.autoSolveProperty().set(false);
        panel = new PropertiesPanel(model);
        stage.setScene(new Scene(panel, 520, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private TextField field(String path) throws Exception {
        return onFx(() -> (TextField) panel.lookupAll(".text-field").stream().filter(n -> path.equals(n.getUserData()))
                .findFirst().orElseThrow(() -> new AssertionError("no text field for " + path)));
    }

    private Set<Node> editors() throws Exception {
        return onFx(() -> {
            Set<Node> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            panel.lookupAll("*").stream().filter(n -> n.getUserData() instanceof String).forEach(out::add);
            return out;
        });
    }

    private String rowText(String name) throws Exception {
        return onFx(() -> panel.rows().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow().text());
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDragUpdatesTheEditorsItHas() throws Exception {
        String id = onFx(() -> model.getScenario().users().get(0).id());
        String path = onFx(() -> NodePaths.of(model.getScenario(), id).orElseThrow());
        fx(() -> model.selectedIdProperty().set(id));
        TextField x = field(path + ".position_m[0]");
        TextField y = field(path + ".position_m[1]");
        Set<Node> before = editors();
        assertTrue(before.size() > 20, "the sheet shows its editors: " + before.size());
        Vec3 o = onFx(() -> model.getScenario().referencePoint());
        Vec3 start = onFx(() -> model.getScenario().users().get(0).positionM());
        for (int step = 1; step <= 8; step++) {
            Vec3 p = new Vec3(3.0 + 0.25 * step, 1.5 + 0.5 * step, 0);
            fx(() -> assertTrue(model.dragNode(id, p)));
            assertEquals(p.x(), Double.parseDouble(x.getText()), 1e-9, "x shown after step " + step);
            assertEquals(p.y(), Double.parseDouble(y.getText()), 1e-9, "y shown after step " + step);
            assertEquals(p.distance(o), Double.parseDouble(rowText("range r (m)")), 1e-6 * p.distance(o));
            String range = rowText("range r (m)");
            assertTrue(onFx(() -> panel.lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof Label l && range.equals(l.getText()))), "the range label shows " + range);
        }
        fx(model::endDrag);
        Set<Node> after = editors();
        assertEquals(before, after, "the same editor nodes, no new ones");
        assertSame(x, field(path + ".position_m[0]"));
        // one undo step for the drag: the position before it comes back, in the same editors
        fx(model::undo);
        Vec3 back = onFx(() -> model.getScenario().users().get(0).positionM());
        assertEquals(start, back, "undo restores the position before the drag");
        assertEquals(start.x(), Double.parseDouble(x.getText()), 1e-9);
        assertEquals(start.y(), Double.parseDouble(y.getText()), 1e-9);
    }

    @Test
    void anotherNodeGetsNewEditors() throws Exception {
        String first = onFx(() -> model.getScenario().users().get(0).id());
        String second = onFx(() -> model.getScenario().targets().get(0).id());
        fx(() -> model.selectedIdProperty().set(first));
        Set<Node> before = editors();
        fx(() -> model.selectedIdProperty().set(second));
        Set<Node> after = editors();
        String path = onFx(() -> NodePaths.of(model.getScenario(), second).orElseThrow());
        assertTrue(after.contains(field(path + ".position_m[0]")));
        after.retainAll(before);
        assertTrue(after.isEmpty(), "no editor of the first sheet is reused: " + after.size());
    }

    @Test
    void typedTextSurvivesADragAndCommitsToTheNewestRow() throws Exception {
        String id = onFx(() -> model.getScenario().users().get(0).id());
        String path = onFx(() -> NodePaths.of(model.getScenario(), id).orElseThrow());
        fx(() -> model.selectedIdProperty().set(id));
        TextField y = field(path + ".position_m[1]");
        fx(() -> y.setText("2.75"));
        fx(() -> assertTrue(model.dragNode(id, new Vec3(4.5, 1.0, 0))));
        fx(model::endDrag);
        assertEquals("2.75", y.getText(), "uncommitted text is kept");
        fx(() -> y.fireEvent(new ActionEvent()));
        Vec3 p = onFx(() -> model.getScenario().users().get(0).positionM());
        assertEquals(4.5, p.x(), 1e-12, "the drag's x stays");
        assertEquals(2.75, p.y(), 1e-12, "the typed y is applied");
        assertEquals(2.75, Double.parseDouble(field(path + ".position_m[1]").getText()), 1e-12);
    }
}
