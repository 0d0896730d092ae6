package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fresnel.math.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniformLinearArrayTest {

    @Test
    void withElementsKeepsTheFirstElementAndTheSpacing() {
        UniformLinearArray a = new UniformLinearArray(4, 0.5, Axis.Y, null, new Vec3(0, 0.5, 0));
        UniformLinearArray b = a.withElements(6);
        List<Vec3> p = b.positions();
        assertEquals(6, p.size());
        assertEquals(a.positions(), p.subList(0, 4));
        assertEquals(new Vec3(0, 3.0, 0), p.get(5));
    }

    @Test
    void withElementsKeepsTheCentre() {
        UniformLinearArray a = new UniformLinearArray(4, 0.5, Axis.X, new Vec3(1, 2, 0), null);
        UniformLinearArray b = a.withElements(9);
        assertEquals(9, b.size());
        assertEquals(new Vec3(1, 2, 0), b.centroid());
        assertEquals(0.5, b.positions().get(1).x() - b.positions().get(0).x(), 1e-15);
    }

    @Test
    void withElementsValidatesTheCount() {
        UniformLinearArray a = new UniformLinearArray(4, 0.5, Axis.X, Vec3.ZERO, null);
        assertThrows(IllegalArgumentException.class, () -> a.withElements(0));
    }
}
