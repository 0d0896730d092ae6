package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import io.fresnel.service.Evaluation;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws what a cut plane of a 3-D scenario shows beyond the nodes' projections: the cuts of each
 * target's 1- and 2-sigma CRB error ellipsoids ({@link ErrorEllipsoid#cut}) and the cut of the
 * Rayleigh hemisphere of the 3-D view; a plane that misses a shape shows nothing of it.
 */
final class SliceOverlays {
    /** Samples of the Rayleigh circle of a plane. */
    static final int RAYLEIGH_SAMPLES = 240;

    private SliceOverlays() {
    }

    /**
     * The cut of the Rayleigh hemisphere (centre c the transmit array's centre, radius the
     * Rayleigh distance R = 2 D^2 / lambda, on the array's broadside side n, as the 3-D view draws
     * it) by a plane: the arcs of the circle of centre c - d e_n and radius sqrt(R^2 - d^2) (d the
     * plane's signed distance from c, e_n its unit normal) whose points p have (p - c).n >= 0.
     *
     * @param s the scenario
     * @param plane the plane
     * @return the arcs as polylines of in-plane points {u0, v0, u1, v1, ...} (m); empty when the
     *     plane misses the hemisphere
     */
    static List<double[]> rayleighCut(Scenario s, Plane plane) {
        List<double[]> arcs = new ArrayList<>();
        Vec3 c = SlicePlanes.centre(s.txArray());
        double r = SceneOverlays.rayleighDistanceM(s);
        double d = plane.distance(c);
        if (!(Math.abs(d) < r)) {
            return arcs;
        }
        Vec3 n = SensingShapes3D.broadsideDirection(s, c);
        double rho = Math.sqrt(r * r - d * d);
        double[] q = plane.project(c);
        List<Double> run = new ArrayList<>();
        for (int i = 0; i <= RAYLEIGH_SAMPLES; i++) {
            double phi = 2 * Math.PI * i / RAYLEIGH_SAMPLES;
            double u = q[0] + rho * Math.cos(phi);
            double v = q[1] + rho * Math.sin(phi);
            if (plane.point(u, v).minus(c).dot(n) >= -1e-12 * r) {
                run.add(u);
                run.add(v);
            } else {
                flush(run, arcs);
            }
        }
        flush(run, arcs);
        return arcs;
    }

    private static void flush(List<Double> run, List<double[]> arcs) {
        if (run.size() >= 4) {
            arcs.add(run.stream().mapToDouble(Double::doubleValue).toArray());
        }
        run.clear();
    }

    static void drawRayleighCut(GraphicsContext g, Viewport v, Plane plane, Scenario s) {
        g.setStroke(Color.rgb(200, 40, 40, 0.8));
        g.setLineWidth(1.5);
        g.setLineDashes(8, 6);
        for (double[] arc : rayleighCut(s, plane)) {
            g.beginPath();
            g.moveTo(v.screenX(arc[0]), v.screenY(arc[1]));
            for (int i = 2; i < arc.length; i += 2) {
                g.lineTo(v.screenX(arc[i]), v.screenY(arc[i + 1]));
            }
            g.stroke();
        }
        g.setLineDashes();
    }

    static void drawEllipsoidCuts(GraphicsContext g, Viewport v, Plane plane, Scenario s, Evaluation e) {
        if (e == null || e.metrics() == null) {
            return;
        }
        for (Target t : s.targets()) {
            TargetMetrics m = SceneCanvas.targetMetrics(e, t.id());
            if (m == null || m.efimM2() == null || m.efimM2().length != 3 || !e.designed().targets().contains(t)) {
                continue;
            }
            ErrorEllipsoid el;
            try {
                el = ErrorEllipsoid.of(t.positionM(), m.efimM2());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            g.setLineWidth(1.5);
            for (int k = 1; k <= 2; k++) {
                ErrorEllipsoid.Cut cut = el.cut(plane, k);
                if (cut == null) {
                    continue;
                }
                g.save();
                g.translate(v.screenX(cut.u()), v.screenY(cut.v()));
                g.rotate(-Math.toDegrees(cut.ellipse().angleRad()));
                double a = Math.max(1, cut.ellipse().semiMajorM() * v.scale());
                double b = Math.max(1, cut.ellipse().semiMinorM() * v.scale());
                g.setStroke(k == 1 ? Color.rgb(0, 90, 200) : Color.rgb(0, 90, 200, 0.5));
                g.strokeOval(-a, -b, 2 * a, 2 * b);
                g.restore();
            }
        }
    }
}
