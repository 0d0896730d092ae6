package io.fresnel.ui;

import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.render.Plane;
import io.fresnel.service.Evaluation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws what a cut plane of a 3-D scenario shows beyond the nodes' projections: the cuts of each
 * target's 1- and 2-sigma CRB error ellipsoids ({@link ErrorEllipsoid#cut}); a plane that misses
 * an ellipsoid shows nothing of it.
 */
final class SliceOverlays {
    private SliceOverlays() {
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
