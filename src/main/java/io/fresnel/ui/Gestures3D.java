package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.ScenarioEdits;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;

/**
 * The pointer gestures of the 3-D view: drag the background to orbit, with the right or middle
 * button (or Ctrl) to pan, double-click it to reset the view; press a node to select it and drag
 * it in the plane through it that faces the camera, with Shift along the coordinate axis (x, y or
 * z) whose on-screen direction is closest to the pointer's first motion of at least 4 px, in a
 * 2-D scenario on z = 0. A drag goes through {@link ExplorerViewModel#dragNode} and ends with
 * {@link ExplorerViewModel#endDrag} (one undo step), exactly as on the 2-D canvas. Positions are
 * scenario coordinates (m).
 */
final class Gestures3D {
    /** Pointer travel before a Shift-drag chooses its axis (px). */
    static final double AXIS_PICK_PX = 4;

    /** What the gestures need of the view. */
    interface Host {
        /**
         * @param sx pointer x in the view (px)
         * @param sy pointer y in the view (px)
         * @return the pointer's ray in scenario coordinates: {origin (m), direction}
         */
        Vec3[] ray(double sx, double sy);

        /** @return the camera's viewing direction in scenario coordinates */
        Vec3 forward();

        /**
         * @param p a point in scenario coordinates (m)
         * @return where it is on the screen, or null
         */
        Point2D toScreen(Vec3 p);

        /** @return scene units per metre */
        double unit();

        /**
         * @param dx pointer motion (px)
         * @param dy pointer motion (px)
         */
        void orbit(double dx, double dy);

        /**
         * @param dx pointer motion (px)
         * @param dy pointer motion (px)
         */
        void pan(double dx, double dy);

        /** Back to the home view. */
        void reset();

        /** Takes the keyboard focus. */
        void focus();
    }

    private final ExplorerViewModel model;
    private final Host host;
    private String dragging;
    private Vec3 dragStart;
    private Vec3 dragAxis;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragMoved;

    /**
     * @param model the window state (selection, drags, undo)
     * @param host the view
     */
    Gestures3D(ExplorerViewModel model, Host host) {
        this.model = model;
        this.host = host;
    }

    void pressed(MouseEvent e) {
        host.focus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragMoved = false;
        dragAxis = null;
        PickResult pick = e.getPickResult();
        Node hit = pick == null ? null : pick.getIntersectedNode();
        String id = hit != null && hit.getUserData() instanceof String s ? s : null;
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && id == null) {
            host.reset();
            return;
        }
        if (id != null && e.getButton() == MouseButton.PRIMARY) {
            model.selectedIdProperty().set(id);
            dragging = id;
            dragStart = ScenarioEdits.position(model.getScenario(), id);
        } else {
            dragging = null;
        }
    }

    void dragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (dragging != null) {
            dragNode(e);
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || e.isControlDown()) {
            host.pan(dx, dy);
        } else {
            host.orbit(dx, dy);
        }
    }

    private void dragNode(MouseEvent e) {
        Vec3[] ray = host.ray(e.getX(), e.getY());
        Vec3 to;
        if (model.getScenario().dimension() == 2) {
            // a 2-D scenario keeps every node on z = 0
            to = DragGeometry.onPlane(ray[0], ray[1], dragStart, new Vec3(0, 0, 1));
        } else if (e.isShiftDown()) {
            if (dragAxis == null) {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) < AXIS_PICK_PX) {
                    return;
                }
                dragAxis = axisAlong(dragStart, e.getX() - pressX, e.getY() - pressY);
            }
            to = DragGeometry.onLine(ray[0], ray[1], dragStart, dragAxis);
        } else {
            to = DragGeometry.onPlane(ray[0], ray[1], dragStart, host.forward());
        }
        if (to != null && to.isFinite()) {
            dragMoved = true;
            model.dragNode(dragging, to);
        }
    }

    /** @return the world axis whose on-screen direction is closest to the pointer's motion */
    private Vec3 axisAlong(Vec3 p, double mx, double my) {
        Vec3[] candidates = {new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)};
        Point2D a = host.toScreen(p);
        Vec3 best = candidates[2];
        double bestCos = -1;
        double len = 30 / host.unit();
        for (Vec3 c : candidates) {
            Point2D b = host.toScreen(p.plus(c.times(len)));
            if (a == null || b == null) {
                continue;
            }
            double sx = b.getX() - a.getX();
            double sy = b.getY() - a.getY();
            double cos = Math.abs(sx * mx + sy * my) / (Math.hypot(sx, sy) * Math.hypot(mx, my) + 1e-12);
            if (cos > bestCos) {
                bestCos = cos;
                best = c;
            }
        }
        return best;
    }

    void released(MouseEvent e) {
        if (dragging != null) {
            if (dragMoved) {
                model.endDrag();
            }
            dragging = null;
        }
    }
}
