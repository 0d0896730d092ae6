package io.fresnel.design.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits of the shared design blocks on both sides, with results written out by hand: F^{-1/2} of
 * the CRB program's whitening, the conjugate beam, and the precoder-size limits of
 * {@link DesignInputs#users} (4096 streams, 2^22 entries).
 */
class CommonLimitsByHandTest {

    @Test
    void theInverseSquareRootOfASymmetricMatrix() {
        // [[2, 1], [1, 2]] = V diag(3, 1) V^T with V = [[1, 1], [1, -1]] / sqrt 2:
        // F^{-1/2} = (1/2) [[a + b, a - b], [a - b, a + b]], a = 1/sqrt 3, b = 1
        double a = 1 / Math.sqrt(3);
        double[][] s = FisherCoefficients.inverseSquareRoot(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {(a + 1) / 2, (a - 1) / 2}, s[0], 1e-15);
        assertArrayEquals(new double[] {(a - 1) / 2, (a + 1) / 2}, s[1], 1e-15);
        // only the symmetric part is used: [[2, 0], [2, 2]] has the symmetric part above
        double[][] t = FisherCoefficients.inverseSquareRoot(new double[][] {{2, 0}, {2, 2}});
        assertArrayEquals(s[0], t[0], 1e-15);
        assertArrayEquals(s[1], t[1], 1e-15);
    }

    @Test
    void aSingularOrIndefiniteFimIsRefusedWithItsRelativeEigenvalue() {
        // diag(4, 0): the zero eigenvalue is not positive (relative eigenvalue 0 / 4 = 0)
        String zero = assertThrows(ArithmeticException.class,
                () -> FisherCoefficients.inverseSquareRoot(new double[][] {{4, 0}, {0, 0}})).getMessage();
        assertTrue(zero.contains("(relative eigenvalue 0.0)"), zero);
        assertTrue(zero.startsWith("the position CRB is unbounded for every precoder"), zero);
        // diag(4, -1): -1 / 4
        String negative = assertThrows(ArithmeticException.class,
                () -> FisherCoefficients.inverseSquareRoot(new double[][] {{4, 0}, {0, -1}})).getMessage();
        assertTrue(negative.contains("(relative eigenvalue -0.25)"), negative);
        // a tiny positive one is kept: diag(4, 1e-300) -> diag(1/2, 1e150)
        double[][] tiny = FisherCoefficients.inverseSquareRoot(new double[][] {{4, 0}, {0, 1e-300}});
        assertEquals(0.5, tiny[0][0], 1e-15);
        assertEquals(1e150, tiny[1][1], 1e135);
    }

    @Test
    void theConjugateBeamHasTheAmplitudeAndIsRefusedForAZeroChannel() throws DesignException {
        // x = (3 + 4j, 0): conj(x) / 5 * 2 = (1.2 - 1.6j, 0)
        double[][] b = FocusDirections.conjugateBeam(new double[][] {{3, 0}, {4, 0}}, 2, "alg", "u1");
        assertArrayEquals(new double[] {1.2, 0}, b[0], 1e-15);
        assertArrayEquals(new double[] {-1.6, 0}, b[1], 1e-15);
        assertEquals("alg: the channel of u1 is zero, no beam can reach it", assertThrows(DesignException.class,
                () -> FocusDirections.conjugateBeam(new double[2][3], 1, "alg", "u1")).getMessage());
        // an overflowing norm is refused too (no beam of infinite or NaN entries)
        assertThrows(DesignException.class,
                () -> FocusDirections.conjugateBeam(new double[][] {{1e200, 1e200}, {0, 0}}, 1, "alg", "u1"));
    }

    /** The test ULA with {@code elements} antennas and {@code users} users on a circle of radius 3 m. */
    private static Scenario manyUsers(int elements, int users) {
        Scenario base = DesignScenarios.scenario("exact", "unit", DesignScenarios.ONE_USER, "", "");
        List<CommNode> list = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            double phi = -1.5 + 3.0 * u / users;
            list.add(new CommNode("u" + u, new Vec3(3 * Math.cos(phi), 3 * Math.sin(phi), 0), 1e-9, null, null));
        }
        UniformLinearArray ula = ((UniformLinearArray) base.txArray()).withElements(elements);
        return new Scenario(base.name(), base.dimension(), base.carrierFrequencyHz(), base.speedOfLightMS(),
                base.propagation(), ula, null, base.transmitPowerW(), base.architecture(), base.sensing(), list,
                List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void aPrecoderMayHave4096StreamsAndTwoToThe22Entries() throws DesignException {
        // 4096 users on 1024 elements: 4096 streams (the limit) and 2^22 entries (the limit): accepted
        assertEquals(4096, DesignInputs.users(manyUsers(1024, 4096), "alg").size());
        // 4096 users on 1025 elements: 4198400 entries, refused with the count
        assertEquals("alg: a precoder for 4096 users on 1025 elements has 4198400 entries, more than the limit 4194304",
                assertThrows(DesignException.class, () -> DesignInputs.users(manyUsers(1025, 4096), "alg"))
                        .getMessage());
    }
}
