package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import io.fresnel.render.SlicePlanes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.MeshView;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/** The fixed furniture of the 3-D view, in scenario coordinates (m): arrays and axes. */
final class Furniture3D {
    private Furniture3D() {
    }

    /**
     * @param a the array
     * @param colour its colour
     * @param lambda the wavelength (m): the element size of an explicit array
     * @param unit scene units per metre
     * @return the array as one mesh, to scale (m)
     */
    static MeshView array(ArrayGeometry a, Color colour, double lambda, double unit) {
        double spacing = a instanceof UniformPlanarArray u ? u.spacingM()
                : a instanceof UniformLinearArray l ? l.spacingM() : lambda / 2;
        // To scale, but at least about a pixel so that a small array does not vanish.
        double r = Math.max(0.3 * spacing, 0.8 / unit);
        MeshView v = new MeshView(Meshes3D.array(a.positions(), r));
        v.setMaterial(new PhongMaterial(colour));
        v.setCullFace(CullFace.NONE);
        return v;
    }

    /**
     * The x, y and z axes from the transmit array's centre, with a tick and a label every round
     * number of metres. Each axis line starts where the transmit array ends along it, so that it
     * does not hide the elements of an array lying along it (a ULA along y centred on the origin
     * sat half inside the y axis).
     *
     * @param s the scenario
     * @param radius the scene's radius (m)
     * @param unit scene units per metre
     * @param labels receives the tick and axis labels (the old axis labels are removed)
     * @return the shapes (m)
     */
    static List<Node> axes(Scenario s, double radius, double unit, Labels3D labels) {
        List<Node> out = new ArrayList<>();
        labels.clear(false);
        Vec3 o = SlicePlanes.centre(s.txArray());
        double len = radius * 1.1;
        double step = GridTicks.step(len, 5);
        Color[] colours = {Color.rgb(200, 40, 40), Color.rgb(40, 150, 40), Color.rgb(40, 80, 210)};
        String[] names = {"x", "y", "z"};
        double thick = 1.2 / unit;
        for (int a = 0; a < 3; a++) {
            Vec3 dir = a == 0 ? new Vec3(1, 0, 0) : a == 1 ? new Vec3(0, 1, 0) : new Vec3(0, 0, 1);
            double start = 0;
            for (Vec3 p : s.txArray().positions()) {
                start = Math.max(start, p.minus(o).dot(dir));
            }
            start = Math.min(start, len / 2);
            Cylinder c = new Cylinder(thick, len - start);
            c.setMaterial(new PhongMaterial(colours[a]));
            Vec3 mid = o.plus(dir.times((start + len) / 2));
            c.getTransforms().add(new Translate(mid.x(), mid.y(), mid.z()));
            if (a == 0) {
                c.getTransforms().add(new Rotate(-90, Rotate.Z_AXIS));
            } else if (a == 2) {
                c.getTransforms().add(new Rotate(90, Rotate.X_AXIS));
            }
            out.add(c);
            for (double t = step; t <= len + 1e-12; t += step) {
                Vec3 p = o.plus(dir.times(t));
                Box tick = new Box(4 * thick, 4 * thick, 4 * thick);
                tick.setMaterial(new PhongMaterial(colours[a]));
                tick.getTransforms().add(new Translate(p.x(), p.y(), p.z()));
                out.add(tick);
                labels.add(p, Units.length(t), false);
            }
            labels.add(o.plus(dir.times(len + step * 0.4)), names[a], false);
        }
        return out;
    }
}
