package io.fresnel.render;

import java.util.Arrays;

/**
 * The values of one layer on a grid, in SI units ({@link Layer#siUnit()}), NaN where the layer is
 * undefined (on an antenna element, at a singular Fisher information, ...). Immutable: the
 * array is copied in and out.
 *
 * @param grid the grid
 * @param layer the layer
 * @param values one value per grid point at index iv * nu + iu
 */
public record Field(GridSpec grid, Layer layer, double[] values) {

    /** Validates and copies. */
    public Field {
        if (grid == null || layer == null || values == null) {
            throw new IllegalArgumentException("a field needs a grid, a layer and values");
        }
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("a field on a " + grid.nu() + " x " + grid.nv() + " grid needs "
                    + grid.size() + " values (got " + values.length + ")");
        }
        values = values.clone();
    }

    /** @return a copy of the values, index iv * nu + iu */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * @param index iv * nu + iu
     * @return the value there (SI), possibly NaN
     */
    public double value(int index) {
        return values[index];
    }

    /**
     * @param iu index along u
     * @param iv index along v
     * @return the value at that grid point (SI), possibly NaN
     */
    public double value(int iu, int iv) {
        return values[grid.index(iu, iv)];
    }

    /** @return the smallest finite value, or NaN when there is none */
    public double minFinite() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v < m) {
                m = v;
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    /** @return the largest finite value, or NaN when there is none */
    public double maxFinite() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v > m) {
                m = v;
            }
        }
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
    }

    /** @return the smallest finite value above 0, or NaN when there is none (for log scales) */
    public double minPositive() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0 && v < m) {
                m = v;
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && f.grid.equals(grid) && f.layer.equals(layer) && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * grid.hashCode() + layer.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Field[" + layer.key() + " on " + grid.nu() + " x " + grid.nv() + " points of " + grid.plane() + "]";
    }
}
