package io.fresnel.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuadratureTest {

    @Test
    void integratesSmoothFunctionsToRoundoff() {
        assertEquals(1 - Math.exp(-50), Quadrature.integrate(x -> Math.exp(-x), new double[] {0, 1, 50}), 1e-15);
        assertEquals(Math.PI / 4, Quadrature.integrate(x -> 1 / (1 + x * x), new double[] {0, 1}), 1e-15);
    }

    @Test
    void refinesAKinkAndASquareRootEdge() {
        // int_0^1 min(1, 3x) = 1/6 + 2/3
        assertEquals(5.0 / 6, Quadrature.integrate(x -> Math.min(1, 3 * x), new double[] {0, 1}), 1e-10);
        assertEquals(2.0 / 3, Quadrature.integrate(Math::sqrt, new double[] {0, 1}), 1e-10);
        // with the kink given as a breakpoint the result is exact
        assertEquals(5.0 / 6, Quadrature.integrate(x -> Math.min(1, 3 * x), 0, 1, 1.0 / 3), 1e-15);
    }

    @Test
    void workIsBoundedForANoisyIntegrand() {
        AtomicLong calls = new AtomicLong();
        double v = Quadrature.integrate(x -> {
            calls.incrementAndGet();
            return 1 + 1e-9 * Math.sin(1e9 * x);
        }, new double[] {0, 1}, 1e-15);
        assertEquals(1, v, 1e-8);
        assertTrue(calls.get() <= 15L * (2 * Quadrature.MAX_INTERVALS + 2), "calls " + calls.get());
    }
}
