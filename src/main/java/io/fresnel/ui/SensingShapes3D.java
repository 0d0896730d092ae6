package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.render.SlicePlanes;
import io.fresnel.service.Evaluation;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Translate;

/**
 * The sensing geometry of the 3-D view, in scenario coordinates (m): each target's 1- and
 * 2-sigma CRB error ellipsoid ({@link ErrorEllipsoid}, from the 3 x 3 EFIM of paper 004), the
 * Rayleigh distance 2 D^2 / lambda as a wireframe hemisphere on the array's broadside side, and
 * the prior candidates (paper 001, 2-D scenarios) as small spheres. An ellipsoid whose largest
 * semi-axis exceeds {@link #MAX_ELLIPSOID_SCENE_RADII} scene radii is not drawn (a target far from
 * a small array can have a CRB of tens of metres: drawn, it filled the whole view and hid
 * everything else); it is named in {@link Built#offScale()} instead.
 */
final class SensingShapes3D {
    /** Largest semi-axis of a drawn k-sigma ellipsoid, in scene radii. */
    static final double MAX_ELLIPSOID_SCENE_RADII = 2;

    /**
     * @param shapes the shapes, in scenario coordinates (m)
     * @param offScale one line per target whose 1- or 2-sigma ellipsoid is too large to draw,
     *     e.g. {@code "t1: 2-sigma 76.2 m"} (its largest semi-axis)
     */
    record Built(List<Node> shapes, List<String> offScale) {
    }

    private SensingShapes3D() {
    }

    /**
     * @param s the scenario
     * @param e the latest evaluation, or null
     * @param options what to show
     * @param unit scene units per metre (sizes of fixed on-screen size)
     * @param sceneRadiusM the radius of the scene the view frames (m)
     * @return the shapes, in scenario coordinates (m), and the ellipsoids left out
     */
    static Built build(Scenario s, Evaluation e, SceneOptions options, double unit, double sceneRadiusM) {
        List<Node> out = new ArrayList<>();
        List<String> offScale = new ArrayList<>();
        if (options.crbEllipses() && e != null && e.metrics() != null) {
            for (Target t : s.targets()) {
                TargetMetrics m = SceneCanvas.targetMetrics(e, t.id());
                if (m == null || m.efimM2() == null || m.efimM2().length != 3 || !e.designed().targets().contains(t)) {
                    continue;
                }
                ErrorEllipsoid el;
                try {
                    el = ErrorEllipsoid.of(t.positionM(), m.efimM2());
                } catch (IllegalArgumentException ex) {
                    continue; // a singular block has no ellipsoid (the metrics panel says why)
                }
                double largest = Math.max(el.semiAxesM()[0], Math.max(el.semiAxesM()[1], el.semiAxesM()[2]));
                for (int k = 1; k <= 2; k++) {
                    if (k * largest <= MAX_ELLIPSOID_SCENE_RADII * sceneRadiusM) {
                        out.add(ellipsoid(el, k, k == 1 ? Color.rgb(0, 90, 200, 0.85) : Color.rgb(0, 90, 200, 0.3)));
                    } else {
                        offScale.add(t.id() + ": " + k + "-sigma " + Units.length(k * largest));
                        break;
                    }
                }
            }
        }
        if (options.rayleigh()) {
            double dr = SceneOverlays.rayleighDistanceM(s);
            Vec3 c = SlicePlanes.centre(s.txArray());
            MeshView h = new MeshView(Meshes3D.hemisphere(c, broadsideDirection(s, c), dr));
            h.setDrawMode(DrawMode.LINE);
            h.setCullFace(CullFace.NONE);
            h.setMaterial(new PhongMaterial(Color.rgb(120, 120, 120, 0.6)));
            h.setMouseTransparent(true);
            out.add(h);
        }
        if (options.priorAngles()) {
            Vec3 o = s.referencePoint();
            for (Target t : s.targets()) {
                AnglePrior prior = t.prior();
                if (prior == null) {
                    continue;
                }
                for (double th : prior.anglesRad()) {
                    Sphere c = new Sphere(3 / unit);
                    c.setMaterial(new PhongMaterial(Color.rgb(160, 60, 200)));
                    c.setMouseTransparent(true);
                    c.getTransforms().add(new Translate(o.x() + prior.rangeM() * Math.cos(th),
                            o.y() + prior.rangeM() * Math.sin(th), o.z()));
                    out.add(c);
                }
            }
        }
        return new Built(out, offScale);
    }

    /**
     * @return the unit direction of the Rayleigh hemisphere's pole: the planar array's normal
     *     (towards the nodes), or for a line array the part across its axis of the direction to
     *     the nodes' mean
     */
    static Vec3 broadsideDirection(Scenario s, Vec3 c) {
        Vec3 mean = Vec3.ZERO;
        List<Vec3> nodes = new ArrayList<>();
        s.users().forEach(n -> nodes.add(n.positionM()));
        s.eavesdroppers().forEach(n -> nodes.add(n.positionM()));
        s.targets().forEach(n -> nodes.add(n.positionM()));
        for (Vec3 p : nodes) {
            mean = mean.plus(p.minus(c));
        }
        var normal = SlicePlanes.planarNormal(s.txArray());
        Vec3 d;
        if (normal != null) {
            d = normal.unit().times(mean.dot(normal.unit()) < 0 ? -1 : 1);
        } else {
            Vec3 a = SlicePlanes.longAxis(s.txArray()).unit();
            d = mean.minus(a.times(mean.dot(a)));
            if (d.norm() < 1e-12) {
                d = new Vec3(1, 0, 0);
            }
        }
        return d.times(1 / d.norm());
    }

    private static Node ellipsoid(ErrorEllipsoid el, double k, Color colour) {
        Sphere sp = new Sphere(1, 24);
        sp.setMaterial(new PhongMaterial(colour));
        sp.setMouseTransparent(true);
        Vec3[] a = el.axes();
        double[] r = el.semiAxesM();
        Vec3 c = el.centre();
        sp.getTransforms().add(new Affine(k * r[0] * a[0].x(), k * r[1] * a[1].x(), k * r[2] * a[2].x(), c.x(),
                k * r[0] * a[0].y(), k * r[1] * a[1].y(), k * r[2] * a[2].y(), c.y(),
                k * r[0] * a[0].z(), k * r[1] * a[1].z(), k * r[2] * a[2].z(), c.z()));
        return sp;
    }

}
