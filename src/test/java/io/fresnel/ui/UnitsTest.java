package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void conversionsAreInverse() {
        for (double x : new double[] {1e-12, 3.98e-12, 0.1, 1, 42}) {
            assertEquals(x, Units.dbmToWatts(Units.wattsToDbm(x)), x * 1e-12);
            assertEquals(x, Units.fromDb(Units.toDb(x)), x * 1e-12);
            assertEquals(x, Units.hzToGhz(Units.ghzToHz(x)), x * 1e-12);
        }
        assertEquals(30, Units.wattsToDbm(1), 1e-12);
        assertEquals(-84, Units.wattsToDbm(3.981071705534972e-12), 1e-9);
    }

    @Test
    void lengthsGetReadablePrefixes() {
        assertEquals("2.50 m", Units.length(2.5));
        assertEquals("3.20 mm", Units.length(3.2e-3));
        assertEquals("45.0 \u00b5m", Units.length(45e-6));
    }

    @Test
    void gridStepsAreRound() {
        assertEquals(1, GridTicks.step(9, 10), 1e-12);
        assertEquals(2, GridTicks.step(15, 10), 1e-12);
        assertEquals(0.005, GridTicks.step(0.04, 10), 1e-15);
    }

    @Test
    void metricsShowTheirUnits() {
        assertEquals("1000 (30.00 dB)", MetricFormat.format("sinr", 1000));
        assertEquals("1.000 W (30.00 dBm)", MetricFormat.format("illumination_w", 1));
    }
}
