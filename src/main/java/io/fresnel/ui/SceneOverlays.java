package io.fresnel.ui;

import io.fresnel.service.Evaluation;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the overlays: the Rayleigh distance 2 D^2 / lambda (D the largest element separation of
 * the transmit array) about the reference point, the CRB error ellipses of every target
 * (1 and 2 sigma, true size, from the target's EFIM), and the candidate angles of a prior.
 */
final class SceneOverlays {
    private SceneOverlays() {
    }

    /**
     * @param s the scenario
     * @return the Rayleigh distance 2 D^2 / lambda of its transmit array (m)
     */
    static double rayleighDistanceM(Scenario s) {
        List<Vec3> el = s.txArray().positions();
        double d = 0;
        // about 64 x 64 pairs, the first and the last element always among them: a few thousand
        // distances even for 65,536 elements (this runs on the FX thread at every redraw)
        int step = Math.max(1, el.size() / 64);
        for (int i = 0; i < el.size(); i += step) {
            for (int j = i + 1; j < el.size(); j += step) {
                d = Math.max(d, el.get(i).distance(el.get(j)));
            }
            d = Math.max(d, el.get(i).distance(el.get(el.size() - 1)));
        }
        return 2 * d * d / s.wavelengthM();
    }

    static void draw(GraphicsContext g, Viewport v, Scenario s, Evaluation e, SceneOptions options) {
        Vec3 o = s.referencePoint();
        g.setFont(Font.font(11));
        if (options.rayleigh()) {
            double dr = rayleighDistanceM(s);
            double pr = dr * v.scale();
            g.setStroke(Color.rgb(200, 40, 40, 0.8));
            g.setLineWidth(1.5);
            g.setLineDashes(8, 6);
            g.strokeOval(v.screenX(o.x()) - pr, v.screenY(o.y()) - pr, 2 * pr, 2 * pr);
            g.setLineDashes();
            g.setFill(Color.rgb(200, 40, 40));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            double a = Math.toRadians(-30);
            g.fillText(String.format("Rayleigh distance %.3g m", dr), v.screenX(o.x() + dr * Math.cos(a)) + 4,
                    v.screenY(o.y() + dr * Math.sin(a)));
        }
        for (Target t : s.targets()) {
            if (options.priorAngles() && t.prior() != null) {
                drawPrior(g, v, o, t.prior());
            }
            TargetMetrics m = SceneCanvas.targetMetrics(e, t.id());
            if (options.crbEllipses() && m != null && m.efimM2() != null && m.efimM2().length == 2
                    && e.designed().targets().contains(t)) {
                drawEllipses(g, v, t, m);
            }
        }
    }

    /**
     * Draws each target's MUSIC estimate as a cross joined to the target by a thin line, labelled
     * with its distance from the target.
     *
     * @param g where to draw
     * @param v the viewport
     * @param s the scenario
     * @param estimates the estimates by target id (m)
     */
    static void drawMusicEstimates(GraphicsContext g, Viewport v, Scenario s, Map<String, Vec3> estimates) {
        for (Target t : s.targets()) {
            Vec3 e = estimates.get(t.id());
            if (e == null) {
                continue;
            }
            double tx = v.screenX(t.positionM().x());
            double ty = v.screenY(t.positionM().y());
            double ex = v.screenX(e.x());
            double ey = v.screenY(e.y());
            Color c = Color.rgb(204, 121, 167);
            g.setStroke(c);
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(tx, ty, ex, ey);
            g.setLineDashes();
            g.setLineWidth(2.5);
            double r = 6;
            g.strokeLine(ex - r, ey - r, ex + r, ey + r);
            g.strokeLine(ex - r, ey + r, ex + r, ey - r);
            String text = "MUSIC " + Units.length(e.distance(t.positionM()));
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setStroke(Color.rgb(255, 255, 255, 0.85));
            g.setLineWidth(3);
            g.strokeText(text, ex + r + 3, ey);
            g.setFill(Color.rgb(150, 60, 120));
            g.fillText(text, ex + r + 3, ey);
        }
    }

    private static void drawPrior(GraphicsContext g, Viewport v, Vec3 o, AnglePrior prior) {
        double r = prior.rangeM();
        double cx = v.screenX(o.x());
        double cy = v.screenY(o.y());
        g.setStroke(Color.rgb(30, 120, 30, 0.35));
        g.setLineWidth(1);
        double pr = r * v.scale();
        g.strokeOval(cx - pr, cy - pr, 2 * pr, 2 * pr);
        for (int k = 0; k < prior.anglesRad().size(); k++) {
            double th = prior.anglesRad().get(k);
            double p = prior.probabilities().get(k);
            g.setStroke(Color.rgb(30, 120, 30, 0.85));
            g.setLineWidth(1 + 6 * p);
            g.strokeLine(cx, cy, v.screenX(o.x() + 1.15 * r * Math.cos(th)), v.screenY(o.y() + 1.15 * r * Math.sin(th)));
            g.setLineWidth(1);
            g.setStroke(Color.rgb(30, 120, 30, 0.4));
            for (double sgn : new double[] {-1, 1}) {
                double a = th + sgn * prior.sigmaRad();
                g.strokeLine(cx, cy, v.screenX(o.x() + 1.15 * r * Math.cos(a)), v.screenY(o.y() + 1.15 * r * Math.sin(a)));
            }
            g.setFill(Color.rgb(30, 120, 30));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.format("p=%.2f", p), v.screenX(o.x() + 1.18 * r * Math.cos(th)),
                    v.screenY(o.y() + 1.18 * r * Math.sin(th)));
        }
    }

    private static void drawEllipses(GraphicsContext g, Viewport v, Target t, TargetMetrics m) {
        ErrorEllipse el;
        try {
            el = ErrorEllipse.of(m.efimM2());
        } catch (IllegalArgumentException ex) {
            return;
        }
        double sx = v.screenX(t.positionM().x());
        double sy = v.screenY(t.positionM().y());
        g.save();
        g.translate(sx, sy);
        g.rotate(-Math.toDegrees(el.angleRad()));
        g.setLineWidth(1.5);
        for (int k = 1; k <= 2; k++) {
            double a = k * el.semiMajorM() * v.scale();
            double b = k * el.semiMinorM() * v.scale();
            g.setStroke(k == 1 ? Color.rgb(0, 90, 200) : Color.rgb(0, 90, 200, 0.5));
            g.strokeOval(-a, -b, 2 * a, 2 * b);
        }
        g.restore();
        if (m.pebM() != null) {
            String text = String.format("PEB %s", Units.length(m.pebM()));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.setStroke(Color.rgb(255, 255, 255, 0.85));
            g.setLineWidth(3);
            double ty = sy + SceneCanvas.ICON_PX * 1.45;
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.strokeText(text, sx, ty);
            g.setFill(Color.rgb(0, 60, 160));
            g.fillText(text, sx, ty);
        }
    }
}
