package io.fresnel.design.secure;

import static io.fresnel.design.secure.SecurePrecodersByHandTest.abs2;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.dot;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.gram;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.norm2;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.problem;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.reduced;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.unit;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Precoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rotation of the benchmark without AN ({@link SecurePrecoders#informationOnly}) towards the
 * top sensing direction when that direction has a complex phase between its components, so that
 * the arc from the beam w to the phase-aligned direction (u e^(j arg(u^H w)), with a real positive
 * inner product with w) is not the arc to its complex conjugate: every candidate of a rank-one W
 * (the principal eigenvector and the random draws, all e^(j phi) e1) ends on the same beam up to a
 * common phase, the first point of the arc x(t) = cos t e1 + sin t q (normalised) that meets the
 * level, and only that beam.
 */
class SecurePrecodersRotationTest {
    private static final double MARGIN = 1e-9;

    private static double level(double[][] q, double[][] x) {
        return abs2(dot(q, x)) / norm2(x);
    }

    /** cos t e1 + sin t q for a 2-vector q = {re, im}. */
    private static double[][] arc(double[][] q, double t) {
        return new double[][] {{Math.cos(t) + Math.sin(t) * q[0][0], Math.sin(t) * q[0][1]},
            {Math.sin(t) * q[1][0], Math.sin(t) * q[1][1]}};
    }

    @Test
    void aBeamIsTurnedTowardsAComplexSensingDirectionAlongTheAlignedArc() throws Exception {
        for (double theta : new double[] {Math.PI / 3, -2 * Math.PI / 5, 3 * Math.PI / 4}) {
            // q = (1, e^(j theta)) / sqrt 2: q^H e1 = 1 / sqrt 2, real and positive, so q is already aligned with e1
            double[][] e1 = vec(1, 0, 0, 0);
            double[][] q = unit(vec(1, 0, Math.cos(theta), Math.sin(theta)));
            double need = 0.8 * (1 + MARGIN);
            Precoder p = SecurePrecoders.informationOnly(problem(),
                    reduced(e1, 100, List.of(), new double[0], List.<double[][][]>of(gram(new double[] {1}, q)), 0.8),
                    gram(new double[] {1}, e1));
            assertEquals(1, p.streams().size());
            double[][] x = new double[2][2];
            for (int i = 0; i < 2; i++) {
                x[0][i] = p.effective().re(i, 0);
                x[1][i] = p.effective().im(i, 0);
            }
            // the level rises monotonically along the arc from 0.5 at t = 0 to 1 at t = pi/2 (the angle to q
            // falls from pi/4 to 0): bisection for the first t meeting it
            double lo = 0;
            double hi = Math.PI / 2;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (level(q, arc(q, mid)) >= need) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double[][] expected = unit(arc(q, hi));
            double[][] ux = unit(x);
            assertEquals(1, abs2(dot(expected, ux)), 1e-12, "x(t) up to a common phase, theta " + theta);
            assertEquals(abs2(dot(e1, expected)), abs2(dot(e1, ux)), 1e-12, "the power left on e1, theta " + theta);
            double l = level(q, ux);
            assertTrue(l >= need * (1 - 1e-14) && l <= need * (1 + 1e-13), "just meets the level: " + l);
        }
    }
}
