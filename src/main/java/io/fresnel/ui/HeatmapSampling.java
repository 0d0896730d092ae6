package io.fresnel.ui;

import io.fresnel.render.Field;
import io.fresnel.render.GridSpec;

/** Reads a heatmap field at a world point of its plane (nearest grid point). */
public final class HeatmapSampling {
    private HeatmapSampling() {
    }

    /**
     * @param f the field
     * @param u the first in-plane coordinate (x for the plane z = c) (m)
     * @param v the second in-plane coordinate (m)
     * @return the value (SI) at the nearest grid point, or NaN outside the grid
     */
    public static double valueAt(Field f, double u, double v) {
        GridSpec g = f.grid();
        double fu = g.nu() > 1 ? (u - g.u0()) / (g.u1() - g.u0()) * (g.nu() - 1) : 0;
        double fv = g.nv() > 1 ? (v - g.v0()) / (g.v1() - g.v0()) * (g.nv() - 1) : 0;
        long iu = Math.round(fu);
        long iv = Math.round(fv);
        if (iu < 0 || iv < 0 || iu >= g.nu() || iv >= g.nv()) {
            return Double.NaN;
        }
        return f.values()[(int) (iv * g.nu() + iu)];
    }
}
