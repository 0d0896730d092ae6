package io.fresnel.ui;

import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The 2-D labels over the 3-D view (node ids, axis names, metre ticks): each is anchored at a
 * point of the scene and placed where the camera projects it. Label nodes are reused from frame
 * to frame (orbiting moves them; it does not create any). A label whose anchor something opaque
 * hides from the eye (the slice, {@link SliceOcclusion}) is left out, as its marker is: a label
 * floating over the slice named a node nobody could see. The selected node's label is the
 * exception: it stays, grey and italic on a light ground, marked {@value #BEHIND}, so that a node dragged behind
 * the slice is not lost. A label is kept inside the view it is drawn over (moved in from an edge its anchor is
 * near or just beyond), and left out when its anchor projects further than {@link #OUTSIDE} outside that view.
 */
final class Labels3D extends Pane {
    private static final String NODE_STYLE = "-fx-font-size: 12; -fx-text-fill: black;";
    private static final String AXIS_STYLE = "-fx-font-size: 10; -fx-text-fill: #444;";
    private static final String BEHIND_STYLE = "-fx-font-size: 12; -fx-text-fill: #555; -fx-font-style: italic;"
            + " -fx-background-color: rgba(255, 255, 255, 0.75); -fx-padding: 0 2 0 2;";
    /**
     * How far (px) an anchor may project outside the view and still have its label, moved in to the edge (the x axis
     * of the home view ends a few pixels below the bottom edge of the default window).
     */
    static final double OUTSIDE = 40;
    /** Appended to the selected node's label when it is hidden. */
    static final String BEHIND = " (behind the slice)";

    /** A label's anchor; the point is kept so that placing the labels allocates nothing per frame. */
    private record Anchor(Point3D point, String text, boolean node) {
        Anchor(Vec3 at, String text, boolean node) {
            this(new Point3D(at.x(), at.y(), at.z()), text, node);
        }
    }

    private final List<Anchor> anchors = new ArrayList<>();

    Labels3D() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /** @param nodes true: forget the node labels; false: forget the axis labels */
    void clear(boolean nodes) {
        anchors.removeIf(a -> a.node() == nodes);
    }

    /**
     * @param at the anchor in the coordinates of the 3-D group given to {@link #place} (m)
     * @param text the label
     * @param node whether it names a node (larger, black) or marks an axis
     */
    void add(Vec3 at, String text, boolean node) {
        anchors.add(new Anchor(at, text, node));
    }

    /** @return the texts of the labels placed by the last {@link #place} (for tests) */
    List<String> shownTexts() {
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** @param group the 3-D group whose local coordinates the anchors are in */
    void place(Node group) {
        place(group, p -> false, null);
    }

    /**
     * @param group the 3-D group whose local coordinates the anchors are in
     * @param hidden whether an anchor (in the group's coordinates) is hidden from the eye: its
     *     label is left out
     * @param selected the selected node's id (its label stays, marked, when hidden), or null
     */
    void place(Node group, Predicate<Point3D> hidden, String selected) {
        javafx.collections.ObservableList<Node> kids = getChildren();
        // the view the labels are drawn over (this pane is unmanaged and has no size of its own)
        double width = getParent() instanceof Region r ? r.getWidth() : Double.POSITIVE_INFINITY;
        double height = getParent() instanceof Region r ? r.getHeight() : Double.POSITIVE_INFINITY;
        int used = 0;
        for (Anchor a : anchors) {
            boolean behind = hidden.test(a.point());
            boolean kept = behind && a.node() && a.text().equals(selected);
            if (behind && !kept) {
                continue;
            }
            Point2D screen = group.localToScreen(a.point());
            Point2D local = screen == null ? null : screenToLocal(screen);
            if (local == null || !(local.getX() >= -OUTSIDE && local.getX() <= width + OUTSIDE
                    && local.getY() >= -OUTSIDE && local.getY() <= height + OUTSIDE)) {
                continue; // far off the view: a label there would be drawn over the panels around it
            }
            Label l;
            if (used < kids.size()) {
                l = (Label) kids.get(used);
            } else {
                l = new Label();
                kids.add(l);
            }
            used++;
            String text = kept ? a.text() + BEHIND : a.text();
            String style = kept ? BEHIND_STYLE : a.node() ? NODE_STYLE : AXIS_STYLE;
            if (!text.equals(l.getText()) || !style.equals(l.getStyle())) {
                // only on a change: restyling every label re-runs CSS every frame
                l.setText(text);
                l.setStyle(style);
                l.applyCss(); // its size now, for keeping it inside the view
            }
            l.autosize();
            // beside its anchor, but inside the view (an axis end near an edge put its label half outside)
            double x = Math.max(0, Math.min(local.getX() + 6, width - l.getWidth()));
            double y = Math.max(0, Math.min(local.getY() - 8, height - l.getHeight()));
            l.relocate(x, y);
        }
        if (used < kids.size()) {
            kids.remove(used, kids.size());
        }
    }
}
