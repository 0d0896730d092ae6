package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErrorEllipseTest {

    @Test
    void aDiagonalFimGivesAxisAlignedSemiAxes() {
        ErrorEllipse e = ErrorEllipse.of(new double[][] {{1 / 4.0, 0}, {0, 1 / 9.0}});
        assertEquals(3, e.semiMajorM(), 1e-12);
        assertEquals(2, e.semiMinorM(), 1e-12);
        assertEquals(Math.PI / 2, Math.abs(e.angleRad()), 1e-12);
    }

    @Test
    void aRotatedFimGivesARotatedEllipseWithTheSameArea() {
        double a = 0.3;
        double l1 = 1 / 16.0;
        double l2 = 1.0;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double[][] j = {{l1 * c * c + l2 * s * s, (l1 - l2) * c * s}, {(l1 - l2) * c * s, l1 * s * s + l2 * c * c}};
        ErrorEllipse e = ErrorEllipse.of(j);
        assertEquals(4, e.semiMajorM(), 1e-12);
        assertEquals(1, e.semiMinorM(), 1e-12);
        assertEquals(a, e.angleRad(), 1e-12);
    }

    @Test
    void aSingularFimHasNoEllipse() {
        assertThrows(IllegalArgumentException.class, () -> ErrorEllipse.of(new double[][] {{1, 1}, {1, 1}}));
    }
}
