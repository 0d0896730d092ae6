package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpebRunnerTest {

    @Test
    void aPrecoderThatMissesARateThresholdIsAuditedButNotCounted() {
        SpebSeries mrt = new SpebSeries("mrt", 4, null);
        SpebRun low = SpebRunner.run(SpebFigure.PEB_VS_RATE, 1, mrt, 0, 1, null, 10, () -> false);
        SpebRun high = SpebRunner.run(SpebFigure.PEB_VS_RATE, 40, mrt, 0, 1, null, 10, () -> false);
        assertTrue(low.counted(), low.message());
        assertNotNull(low.spebM2());
        assertFalse(high.counted());
        assertTrue(high.message().startsWith("violates u"), high.message());
        assertEquals(low.sceneSeed(), high.sceneSeed(), "common random numbers along the curve");
        assertEquals(DrawGenerator.drawSeed(1, 0), low.sceneSeed());
        assertNull(low.msePooledM2(), "Fig. 5 plots no RMSE");
    }

    @Test
    void theRmseFiguresLocaliseEveryCountedRun() {
        SpebRun r = SpebRunner.run(SpebFigure.PEB_VS_POWER, 30, new SpebSeries("two-stage-hybrid", 4, null), 1, 2,
                null, 5, () -> false);
        assertTrue(r.counted(), r.message());
        assertNotNull(r.msePooledM2());
        assertNotNull(r.biasM());
        assertEquals(1.0, r.powerW(), 1e-9);
    }

    @Test
    void anUnknownDesignIsAnErrorRunNotACrash() {
        SpebRun r = SpebRunner.run(SpebFigure.PEB_VS_POWER, 30, new SpebSeries("no-such-design", 4, null), 0, 1,
                null, 5, () -> false);
        assertEquals("error", r.status());
        assertFalse(r.counted());
        assertTrue(r.message().contains("no-such-design"), r.message());
    }
}
