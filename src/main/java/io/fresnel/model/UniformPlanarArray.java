package io.fresnel.model;

import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A uniform planar array ({@code "upa"} in the file) in the plane z = center_z:
 * element (i, j) at center + ((i - (Nx-1)/2) d, (j - (Ny-1)/2) d, 0), ordered with i (x) outer
 * and j (y) inner.
 *
 * @param elementsX number of columns along x (>= 1)
 * @param elementsY number of rows along y (>= 1)
 * @param spacingM element spacing d (m, > 0)
 * @param centerM centre of the array (m)
 */
public record UniformPlanarArray(int elementsX, int elementsY, double spacingM, Vec3 centerM)
        implements ArrayGeometry {

    /** Validates the generator. */
    public UniformPlanarArray {
        if (elementsX < 1) {
            throw new IllegalArgumentException("elements_x must be >= 1 (got " + elementsX + ")");
        }
        if (elementsY < 1) {
            throw new IllegalArgumentException("elements_y must be >= 1 (got " + elementsY + ")");
        }
        if ((long) elementsX * elementsY > MAX_ELEMENTS) {
            throw new IllegalArgumentException("elements_x * elements_y must be <= " + MAX_ELEMENTS
                    + " (got " + ((long) elementsX * elementsY) + ")");
        }
        Checks.positive("spacing_m", spacingM);
        Checks.finite("center_m", centerM);
        Checks.arrayExtent("spacing_m", spacingM, Math.max(elementsX, elementsY) - 1, centerM);
    }

    @Override
    public List<Vec3> positions() {
        List<Vec3> out = new ArrayList<>(elementsX * elementsY);
        for (int i = 0; i < elementsX; i++) {
            for (int j = 0; j < elementsY; j++) {
                out.add(centerM.plus(new Vec3((i - (elementsX - 1) / 2.0) * spacingM,
                        (j - (elementsY - 1) / 2.0) * spacingM, 0)));
            }
        }
        return out;
    }
}
