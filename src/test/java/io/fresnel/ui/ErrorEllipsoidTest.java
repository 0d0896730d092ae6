package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.render.Plane;
import org.junit.jupiter.api.Test;

class ErrorEllipsoidTest {
    /** Semi-axes 3, 2, 1 m along x, y, z: J = diag(1/9, 1/4, 1). */
    private final ErrorEllipsoid diag = ErrorEllipsoid.of(new Vec3(1, 2, 3),
            new double[][] {{1.0 / 9, 0, 0}, {0, 0.25, 0}, {0, 0, 1}});

    @Test
    void semiAxesAreTheRootsOfTheCrbEigenvaluesLargestFirst() {
        assertEquals(3, diag.semiAxesM()[0], 1e-12);
        assertEquals(2, diag.semiAxesM()[1], 1e-12);
        assertEquals(1, diag.semiAxesM()[2], 1e-12);
        assertEquals(1, Math.abs(diag.axes()[0].x()), 1e-12);
        assertEquals(1, Math.abs(diag.axes()[2].z()), 1e-12);
    }

    @Test
    void aCutThroughTheCentreIsThePrincipalEllipseAndShrinksOffCentre() {
        ErrorEllipsoid.Cut c = diag.cut(new Plane(Axis.Z, 3), 1);
        assertEquals(1, c.u(), 1e-12);
        assertEquals(2, c.v(), 1e-12);
        assertEquals(3, c.ellipse().semiMajorM(), 1e-12);
        assertEquals(2, c.ellipse().semiMinorM(), 1e-12);
        // z offset 0.6 sigma: the cut scales by sqrt(1 - 0.36) = 0.8
        ErrorEllipsoid.Cut off = diag.cut(new Plane(Axis.Z, 3.6), 1);
        assertEquals(2.4, off.ellipse().semiMajorM(), 1e-12);
        // the 2-sigma cut of the same plane is larger; a plane beyond 1 sigma misses
        assertEquals(2 * 3 * Math.sqrt(1 - 0.09), diag.cut(new Plane(Axis.Z, 3.6), 2).ellipse().semiMajorM(), 1e-12);
        assertNull(diag.cut(new Plane(Axis.Z, 4.01), 1));
    }

    @Test
    void anObliqueCutMatchesTheAxisAlignedOne() {
        Plane oblique = Plane.through(new Vec3(0, 0, 3), new Vec3(0, 1, 0), new Vec3(-1, 0, 0), "rotated");
        ErrorEllipsoid.Cut c = diag.cut(oblique, 1);
        assertEquals(2, c.u(), 1e-12);
        assertEquals(-1, c.v(), 1e-12);
        assertEquals(3, c.ellipse().semiMajorM(), 1e-12);
        assertEquals(Math.PI / 2, Math.abs(c.ellipse().angleRad()), 1e-12);
    }

    @Test
    void anIndefiniteEfimIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ErrorEllipsoid.of(Vec3.ZERO,
                new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}));
    }
}
