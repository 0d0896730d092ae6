package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.DisplayScale;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.GridSpec;
import io.fresnel.render.HeatmapPixels;
import io.fresnel.render.Layer;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The maps of the beamformer comparison, computed off the FX thread: the beampattern
 * v(p)^T R_X v(p)^* (dBm) of design A and of design B on the same grid and the same colour range
 * (side by side), or their ratio 10 log10(A / B) in dB (the difference map: positive where A puts
 * more power). No JavaFX here.
 */
final class CompareMaps {
    /** Largest |difference| shown (dB); larger ones are drawn at the ends of the scale. */
    static final double MAX_DIFFERENCE_DB = 40;
    /** Dynamic range of the side-by-side maps below their common maximum (dB). */
    static final double DYNAMIC_RANGE_DB = 40;
    /** Grid points per side of a comparison map. */
    static final int POINTS = 160;

    private CompareMaps() {
    }

    /** What is shown. */
    enum Mode {
        /** A on the left, B on the right, one colour range. */
        SIDE_BY_SIDE,
        /** 10 log10(A / B) in dB. */
        DIFFERENCE
    }

    /**
     * @param a the scenario with design A's precoder
     * @param b the same scene with design B's precoder
     * @param grid the sample points
     * @param mode what to compute
     */
    record Request(Scenario a, Scenario b, GridSpec grid, Mode mode) {
    }

    /**
     * @param request what was computed
     * @param left A's pixels, or the difference map (0xAARRGGBB, row-major from the top left)
     * @param right B's pixels, or null for the difference map
     * @param low the display value at the low end of the colour range (dBm, or dB for the difference)
     * @param high the display value at the high end
     * @param difference the difference in dB per grid point (NaN where undefined), or null side by side
     * @param a design A's beampattern (W)
     * @param b design B's beampattern on the same grid (W)
     */
    record Frames(Request request, int[] left, int[] right, double low, double high, double[] difference, Field a,
            Field b) {
    }

    /**
     * @param s a scene
     * @return {@link #gridFor(Scenario, Plane)} on the scene's default plane
     */
    static GridSpec gridFor(Scenario s) {
        return gridFor(s, null);
    }

    /**
     * The comparison grid: a square (in metres) over the projections of the array and every node
     * onto the plane, with a margin of 20 %. A 2-D scenario is always compared on z = 0; a 3-D
     * one on the given plane (the window's slice), never by default on the array's own plane,
     * where every design's map looks alike.
     *
     * @param s a scene
     * @param plane the plane of a 3-D scene, or null for {@link SlicePlanes#defaultFor} (the plane
     *     through its first target)
     * @return the grid
     */
    static GridSpec gridFor(Scenario s, Plane plane) {
        Plane on = s.dimension() == 2 ? Plane.Z0 : plane != null ? plane : SlicePlanes.defaultFor(s);
        List<Vec3> points = new ArrayList<>(s.txArray().positions());
        s.users().forEach(n -> points.add(n.positionM()));
        s.eavesdroppers().forEach(n -> points.add(n.positionM()));
        s.targets().forEach(n -> points.add(n.positionM()));
        double[] b = SlicePlanes.bounds(points, on);
        double side = Math.max(Math.max(b[1] - b[0], b[3] - b[2]) * 1.2, 10 * s.wavelengthM());
        double cu = (b[0] + b[1]) / 2;
        double cv = (b[2] + b[3]) / 2;
        return new GridSpec(on, cu - side / 2, cu + side / 2, cv - side / 2, cv + side / 2, POINTS, POINTS);
    }

    /**
     * @param r the request
     * @param cancelled polled once per grid row
     * @return the frames
     * @throws Exception when a map cannot be computed or the work was cancelled
     */
    static Frames compute(Request r, BooleanSupplier cancelled) throws Exception {
        Layer layer = new Layer.Beampattern();
        Field fa = FieldComputer.compute(r.a(), layer, r.grid(), cancelled);
        Field fb = FieldComputer.compute(r.b(), layer, r.grid(), cancelled);
        DisplayScale scale = DisplayScale.of(layer);
        if (r.mode() == Mode.SIDE_BY_SIDE) {
            double high = scale.toDisplay(Math.max(fa.maxFinite(), fb.maxFinite()));
            if (!Double.isFinite(high)) {
                throw new IllegalArgumentException("neither design radiates any power on this grid");
            }
            double low = high - DYNAMIC_RANGE_DB;
            return new Frames(r, HeatmapPixels.argb(fa, scale, low, high, Colormap.VIRIDIS),
                    HeatmapPixels.argb(fb, scale, low, high, Colormap.VIRIDIS), low, high, null, fa, fb);
        }
        double[] d = difference(fa, fb);
        double span = 1;
        for (double v : d) {
            if (Double.isFinite(v)) {
                span = Math.max(span, Math.min(MAX_DIFFERENCE_DB, Math.abs(v)));
            }
        }
        int[] argb = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            argb[i] = Double.isFinite(d[i])
                    ? Colormap.CIVIDIS.argb(Math.max(0, Math.min(1, (d[i] + span) / (2 * span))))
                    : HeatmapPixels.UNDEFINED;
        }
        return new Frames(r, argb, null, -span, span, d, fa, fb);
    }

    /**
     * @param a the field of design A (W)
     * @param b the field of design B on the same grid (W)
     * @return 10 log10(a / b) per point (dB), NaN where either is not a finite positive power
     */
    static double[] difference(Field a, Field b) {
        double[] va = a.values();
        double[] vb = b.values();
        double[] d = new double[va.length];
        for (int i = 0; i < va.length; i++) {
            d[i] = va[i] > 0 && vb[i] > 0 && Double.isFinite(va[i]) && Double.isFinite(vb[i])
                    ? 10 * Math.log10(va[i] / vb[i]) : Double.NaN;
        }
        return d;
    }
}
