package io.fresnel.model;

import io.fresnel.math.Vec3;
import java.util.List;

/**
 * Element positions of an antenna array (m). The scenario file may describe an array by an
 * explicit list or by a generator; the generator form is kept so that a saved file reads back
 * exactly as it was written.
 */
public sealed interface ArrayGeometry permits ExplicitArray, UniformLinearArray, UniformPlanarArray {

    /** The largest number of elements an array may have (a 256 x 256 planar array). */
    int MAX_ELEMENTS = 65_536;

    /** @return the element positions (m), in file order; never empty */
    List<Vec3> positions();

    /** @return the number of elements */
    default int size() {
        return positions().size();
    }

    /** @return the centroid of the element positions (m) */
    default Vec3 centroid() {
        double x = 0;
        double y = 0;
        double z = 0;
        List<Vec3> p = positions();
        for (Vec3 v : p) {
            x += v.x();
            y += v.y();
            z += v.z();
        }
        int n = p.size();
        return new Vec3(x / n, y / n, z / n);
    }
}
