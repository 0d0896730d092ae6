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

    /** cos t w + sin t q for 2-vectors w, q = {re, im}. */
    private static double[][] arc(double[][] w, double[][] q, double t) {
        double[][] x = new double[2][2];
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 2; i++) {
                x[p][i] = Math.cos(t) * w[p][i] + Math.sin(t) * q[p][i];
            }
        }
        return x;
    }

    @Test
    void aBeamWithAComplexInnerProductIsTurnedAlongTheArcToThePhaseAlignedDirection() throws Exception {
        // W = w0 w0^H with w0 = (1, j) / sqrt 2 (also the user's direction), q = (1, e^(j theta)) / sqrt 2: the
        // inner product q^H w0 = (1 + j e^(-j theta)) / 2 is complex, so every candidate (the principal
        // eigenvector and the draws, all e^(j phi) w0) must be turned towards q e^(j arg(q^H w0)) (q^H w0 made real
        // and positive), whose arc keeps the most power on w0; all candidates then end on the same beam up to a
        // common phase: the first point of cos t w0 + sin t q_a meeting the level (no eavesdropper: the best
        // secrecy rate is the largest |w0^H x|^2 among the rotations)
        // (|q^H w0|^2 = (1 + sin theta) / 2: 0.75, 0.024, 0.854, each below the level 0.9)
        double[][] w0 = unit(vec(1, 0, 0, 1));
        for (double theta : new double[] {Math.PI / 6, -2 * Math.PI / 5, 3 * Math.PI / 4}) {
            double[][] q = unit(vec(1, 0, Math.cos(theta), Math.sin(theta)));
            double[] c = dot(q, w0);
            double m = Math.hypot(c[0], c[1]);
            assertTrue(Math.abs(c[1]) > 0.1 * m, "q^H w0 is complex: " + c[0] + " " + c[1]);
            // q_a = q (c / |c|)
            double[][] qa = new double[2][2];
            for (int i = 0; i < 2; i++) {
                qa[0][i] = (q[0][i] * c[0] - q[1][i] * c[1]) / m;
                qa[1][i] = (q[0][i] * c[1] + q[1][i] * c[0]) / m;
            }
            double need = 0.9 * (1 + MARGIN);
            assertTrue(level(q, w0) < need, "w0 alone misses the level");
            Precoder p = SecurePrecoders.informationOnly(problem(),
                    reduced(w0, 100, List.of(), new double[0], List.<double[][][]>of(gram(new double[] {1}, q)), 0.9),
                    gram(new double[] {1}, w0));
            double[][] x = new double[2][2];
            for (int i = 0; i < 2; i++) {
                x[0][i] = p.effective().re(i, 0);
                x[1][i] = p.effective().im(i, 0);
            }
            // along the aligned arc the level rises monotonically from |q^H w0|^2 at t = 0 to 1 at t = pi/2
            double lo = 0;
            double hi = Math.PI / 2;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (level(q, arc(w0, qa, mid)) >= need) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double[][] expected = unit(arc(w0, qa, hi));
            double[][] ux = unit(x);
            assertEquals(1, abs2(dot(expected, ux)), 1e-12, "x(t) up to a common phase, theta " + theta);
            assertEquals(abs2(dot(w0, expected)), abs2(dot(w0, ux)), 1e-12, "the power left on w0, theta " + theta);
        }
    }
}
