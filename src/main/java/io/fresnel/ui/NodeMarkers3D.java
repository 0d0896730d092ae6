package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.Shape3D;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The nodes of the 3-D view, in scenario coordinates (m): users as blue spheres, eavesdroppers as
 * red boxes, targets as green diamonds (red when they eavesdrop), each in its icon's colour and
 * {@link #MARKER_PX} scene units across whatever the scene's size, plus the orange halo of the
 * selected node (which is also drawn 1.5 times larger). The halo is translucent and not a child
 * of this group: the view draws it after the opaque shapes ({@link #halo()}). Each marker's user data is its node id
 * (what a pick returns). Markers are moved in place (their {@link Translate} changes) and only
 * re-created when nodes are added or removed: the marker pressed at the start of a drag must stay
 * in the scene, or JavaFX stops delivering the gesture's events.
 */
final class NodeMarkers3D extends Group {
    /** A marker's radius in scene units (the scene's radius is 300 units). */
    static final double MARKER_PX = 7;
    /** The selection halo's radius in scene units. */
    static final double HALO_PX = 11;

    private final Map<String, Shape3D> shapes = new HashMap<>();
    private final Map<String, Translate> moves = new HashMap<>();
    private final Sphere halo = new Sphere(1);
    private final Translate haloAt = new Translate();
    private List<String> kinds = List.of();
    private String selected;

    NodeMarkers3D() {
        halo.setMaterial(new PhongMaterial(Color.rgb(255, 165, 0, 0.35)));
        halo.setMouseTransparent(true);
        halo.getTransforms().add(haloAt);
    }

    /** @return the selection halo, translucent: to be drawn after every opaque shape */
    Node halo() {
        return halo;
    }

    /** Forgets the markers (a new document: even the same node ids are built anew, at its scale). */
    void reset() {
        kinds = List.of();
    }

    /**
     * Places a marker on every node, re-creating them when the set of nodes changed, and names
     * them in the node labels.
     *
     * @param s the scenario
     * @param unit scene units per metre (the markers' size)
     * @param labels the view's labels: the node labels are replaced by one per node
     */
    void update(Scenario s, double unit, Labels3D labels) {
        List<String> now = new ArrayList<>();
        List<Vec3> where = new ArrayList<>();
        List<Icons.Icon> icons = new ArrayList<>();
        for (CommNode u : s.users()) {
            now.add("u:" + u.id());
            where.add(u.positionM());
            icons.add(Icons.USER);
        }
        for (CommNode e : s.eavesdroppers()) {
            now.add("e:" + e.id());
            where.add(e.positionM());
            icons.add(Icons.EAVESDROPPER);
        }
        for (Target t : s.targets()) {
            now.add((t.eavesdropper() ? "x:" : "t:") + t.id());
            where.add(t.positionM());
            icons.add(t.eavesdropper() ? Icons.EAVESDROPPER : Icons.TARGET);
        }
        if (!now.equals(kinds)) {
            build(now, icons, unit);
        }
        labels.clear(true);
        for (int i = 0; i < now.size(); i++) {
            String id = now.get(i).substring(2);
            Vec3 p = where.get(i);
            Translate at = moves.get(id);
            at.setX(p.x());
            at.setY(p.y());
            at.setZ(p.z());
            labels.add(p, id, true);
        }
        select(selected);
    }

    private void build(List<String> now, List<Icons.Icon> icons, double unit) {
        getChildren().clear();
        shapes.clear();
        moves.clear();
        double r = MARKER_PX / unit;
        for (int i = 0; i < now.size(); i++) {
            String key = now.get(i);
            Shape3D shape = key.startsWith("u:") ? new Sphere(r) : key.startsWith("e:")
                    ? new Box(1.6 * r, 1.6 * r, 1.6 * r) : new Sphere(r, 4);
            String id = key.substring(2);
            shape.setMaterial(new PhongMaterial(Color.web(icons.get(i).fill())));
            shape.setUserData(id);
            shape.setId("node3d-" + id);
            Translate at = new Translate();
            // the selection's scale after the translation (Node.setScaleX would scale about the world origin)
            shape.getTransforms().addAll(at, new Scale(1, 1, 1));
            getChildren().add(shape);
            shapes.put(id, shape);
            moves.put(id, at);
        }
        halo.setRadius(HALO_PX / unit);
        kinds = now;
    }

    /** @param id the selected node's id, or null: drawn larger, with the halo */
    void select(String id) {
        selected = id;
        Shape3D chosen = id == null ? null : shapes.get(id);
        shapes.values().forEach(m -> {
            double k = m == chosen ? 1.5 : 1;
            Scale scale = (Scale) m.getTransforms().get(1);
            scale.setX(k);
            scale.setY(k);
            scale.setZ(k);
        });
        halo.setVisible(chosen != null);
        if (chosen != null) {
            Translate at = moves.get(id);
            haloAt.setX(at.getX());
            haloAt.setY(at.getY());
            haloAt.setZ(at.getZ());
        }
    }
}
