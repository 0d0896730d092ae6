package io.fresnel.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NycPathLossTest {

    @Test
    void theModelsAreEquations58To60() {
        assertEquals(61.4, NycPathLoss.lineOfSightDb(1), 1e-12);
        assertEquals(81.4, NycPathLoss.lineOfSightDb(10), 1e-12);
        assertEquals(72 + 29.2, NycPathLoss.nonLineOfSightDb(10), 1e-12);
        assertEquals(1e-8, NycPathLoss.powerGain(80), 1e-20);
        // (60): |beta|^2 = lambda^2 sigma / ((4 pi)^3 d^4); doubling d divides it by 16
        double b1 = NycPathLoss.reflectionMagnitude(0.01, 2, 5);
        assertEquals(0.01 * 0.01 * 2 / (Math.pow(4 * Math.PI, 3) * 625), b1 * b1, 1e-25);
        assertEquals(4, b1 / NycPathLoss.reflectionMagnitude(0.01, 2, 10), 1e-12);
    }

    @Test
    void nonPositiveInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NycPathLoss.lineOfSightDb(0));
        assertThrows(IllegalArgumentException.class, () -> NycPathLoss.reflectionMagnitude(0.01, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> NycPathLoss.reflectionMagnitude(0.01, 1, Double.NaN));
    }
}
