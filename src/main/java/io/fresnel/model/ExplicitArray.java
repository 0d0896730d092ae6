package io.fresnel.model;

import io.fresnel.math.Vec3;
import java.util.List;

/**
 * An array given element by element ({@code "positions_m"} in the file).
 *
 * @param positions element positions (m), at least one, all finite
 */
public record ExplicitArray(List<Vec3> positions) implements ArrayGeometry {

    /** Validates and copies the positions. */
    public ExplicitArray {
        Checks.required("positions_m", positions);
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("positions_m must list at least one element (the array is empty)");
        }
        if (positions.size() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("positions_m lists " + positions.size()
                    + " elements, more than the limit " + MAX_ELEMENTS);
        }
        for (int i = 0; i < positions.size(); i++) {
            Checks.finite("positions_m[" + i + "]", positions.get(i));
        }
        positions = List.copyOf(positions);
    }
}
