package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two level ends {@code TradeoffCommandTest.theOptionLimitsAreExact} does not try: {@code --from}
 * at exactly 1e30 and {@code --to} at exactly 1e-30 are inside [1e-30, 1e30] and pass the level
 * checks. To see that without tracing a front, the run is given an {@code --out} in a missing
 * folder, which is checked right after the levels: an accepted level gets the {@code --out}
 * message, a rejected one the level's. (A short {@code --timeout} cannot tell them apart: on a
 * loaded machine it can pass before the options are even checked.)
 */
class TradeoffOtherLevelEndsTest {
    private static final String SCENE = "src/test/resources/io/fresnel/tradeoff/sdr-two-users.scenario.json";

    @Test
    void fromAtTheTopAndToAtTheBottomOfTheRangePassTheLevelChecks(@TempDir Path dir) {
        String missing = dir.resolve("missing/front.csv").toString();
        for (String[] a : new String[][] {{"--from", "1e30"}, {"--to", "1e-30"}}) {
            GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, a[0], a[1], "--out", missing);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("fresnel: tradeoff: rejected: --out: cannot write " + missing), r.err());
        }
        // and just outside, the level's own message
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--from", "1.0000000000000001e30", "--out", missing);
        assertTrue(r.err().startsWith("fresnel: tradeoff: rejected: --from must be a level"), r.err());
    }
}
