package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Paper 000's comparison on its own default set-up (N = 128, M = 64, L = 8, K = 4, 30 GHz, 20 dBm,
 * -84 dBm, T = 1000, users and target drawn in [10, 20] m x [0, pi/2]), averaged over
 * {@link #DRAWS} seeded draws: RSMA-HB within 10 % of RSMA-FD, and above SDMA-HB and RSMA-Far
 * (section IV). 40-47 s on two cores shared with other builds (load average 45-50; about four minutes
 * before issue 16's surrogate change), so it is tagged {@code paper} and kept out of
 * {@code mvn test}; {@code mvn -B test -Ppaper-setup} runs it (and {@code .ci/run} does).
 */
@Tag("paper")
class RsmaPaperSetupTest {
    static final int DRAWS = 3;

    @Test
    void rsmaHybridIsWithinTenPercentOfDigitalAndAboveSdmaAndFarField() throws Exception {
        List<String> schemes = List.of("rsma-hybrid", "rsma-digital", "sdma-hybrid", "rsma-far-field");
        SweepSpec spec = new SweepSpec(SweepFigure.of(2), Presets.byFile("paper-000-rsma.json"), List.of(20.0), DRAWS,
                1, schemes, null);
        SweepResult result = new SweepRunner(spec).run(Runtime.getRuntime().availableProcessors(),
                (solve, done, total) -> System.out.printf("paper set-up %d/%d: %s draw %d %s %s%n", done, total,
                        solve.scheme(), solve.draw(), solve.status(), solve.minSecrecyRateBpsHz()));
        Map<String, Double> mean = new HashMap<>();
        for (SweepResult.Point p : result.points()) {
            assertEquals(DRAWS, p.counted(), p.scheme() + " did not return a precoder on every draw");
            mean.put(p.scheme(), p.meanBpsHz());
        }
        double hb = mean.get("rsma-hybrid");
        assertTrue(hb >= 0.9 * mean.get("rsma-digital"), mean.toString());
        assertTrue(hb > mean.get("sdma-hybrid"), mean.toString());
        assertTrue(hb > mean.get("rsma-far-field"), mean.toString());
    }
}
