package io.fresnel.model;

import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A uniform linear array ({@code "ula"} in the file): {@code elements} antennas spaced
 * {@code spacing_m} along {@code axis}, placed either by its centre or by its first element.
 * Element n (0-based) sits at first + n d e_axis, or at centre + (n - (N-1)/2) d e_axis.
 *
 * @param elements number of antennas N (>= 1)
 * @param spacingM element spacing d (m, > 0)
 * @param axis direction of the array
 * @param centerM centre (m), or null when {@code firstElementM} is given
 * @param firstElementM position of element 0 (m), or null when {@code centerM} is given
 */
public record UniformLinearArray(int elements, double spacingM, Axis axis, Vec3 centerM, Vec3 firstElementM)
        implements ArrayGeometry {

    /** Validates the generator; exactly one of the two anchors must be given. */
    public UniformLinearArray {
        if (elements < 1) {
            throw new IllegalArgumentException("elements must be >= 1 (got " + elements + ")");
        }
        if (elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("elements must be <= " + MAX_ELEMENTS + " (got " + elements + ")");
        }
        Checks.positive("spacing_m", spacingM);
        Checks.required("axis", axis);
        if ((centerM == null) == (firstElementM == null)) {
            throw new IllegalArgumentException("exactly one of center_m and first_element_m is required");
        }
        if (centerM != null) {
            Checks.finite("center_m", centerM);
        } else {
            Checks.finite("first_element_m", firstElementM);
        }
        Checks.arrayExtent("spacing_m", spacingM, elements - 1, centerM != null ? centerM : firstElementM);
    }

    /**
     * The same array with another number of elements: same spacing, axis and anchor (the first
     * element stays put, or the centre does), so the array grows or shrinks along its axis.
     *
     * @param n the number of elements N (1 to {@link #MAX_ELEMENTS})
     * @return the copy
     */
    public UniformLinearArray withElements(int n) {
        return new UniformLinearArray(n, spacingM, axis, centerM, firstElementM);
    }

    @Override
    public List<Vec3> positions() {
        List<Vec3> out = new ArrayList<>(elements);
        Vec3 u = axis.unit();
        for (int n = 0; n < elements; n++) {
            out.add(centerM != null
                    ? centerM.plus(u.times((n - (elements - 1) / 2.0) * spacingM))
                    : firstElementM.plus(u.times(n * spacingM)));
        }
        return out;
    }
}
