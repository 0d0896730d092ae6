package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.model.Scenario;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SceneCommandTest {

    @Test
    void writesTheSeededSceneAsAScenarioFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scene.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("scene", "--paper", "003", "--seed", "4", "--out", out.toString(),
                "--elements", "64", "--rf-chains", "8", "--users", "3", "--power-dbm", "20", "--speb-max", "0.04");
        assertEquals(0, r.status(), r.err());
        Scenario s = ScenarioReader.read(out).scenario();
        SceneOptions o = SceneOptions.PAPER.withElements(64).withRfChains(8).withUsers(3).withPowerW(0.1)
                .withSpebMaxM2(0.04);
        assertEquals(ScenarioWriter.write(PaperScene.generate(o, 4)), ScenarioWriter.write(s));
        GoldenEvalTest.Run eval = GoldenEvalTest.run("eval", out.toString());
        assertEquals(0, eval.status(), eval.err());
    }

    @Test
    void badOptionsExitTwoNamingTheOptionAndWriteNothing(@TempDir Path dir) {
        Path out = dir.resolve("scene.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("scene", "--out", out.toString(), "--rf-chains", "5");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("rf_chains"), r.err());
        r = GoldenEvalTest.run("scene", "--out", out.toString(), "--paper", "000");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--paper"), r.err());
        r = GoldenEvalTest.run("scene", "--out", out.toString(), "--target", "10");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--target"), r.err());
        assertFalse(Files.exists(out));
    }

    private static SceneOptions options(String... args) {
        CommandLine cl = new CommandLine(new SceneCommand());
        cl.parseArgs(args);
        return ((SceneCommand) cl.getCommand()).options();
    }

    /** Every option replaces its own field of the paper's options and no other; dBm become W. */
    @Test
    void everyOptionReplacesItsOwnFieldOnly() {
        assertEquals(SceneOptions.PAPER, options("--out", "x.json"));
        SceneOptions expected = SceneOptions.PAPER.withElements(48).withSpacingM(0.01).withRfChains(6).withUsers(5)
                .withNlosPaths(2).withTargetM(new io.fresnel.math.Vec3(12.5, -3, 0)).withRcsM2(2.5)
                .withPowerW(0.01).withNoiseW(1e-13).withSnapshots(64).withMinRateBpsHz(1.5)
                .withAlgorithm("speb-min-digital").withSpebMaxM2(0.02);
        SceneOptions got = options("--out", "x.json", "--elements", "48", "--spacing", "0.01", "--rf-chains", "6",
                "--users", "5", "--nlos", "2", "--target", " 12.5 , -3 ", "--rcs", "2.5", "--power-dbm", "10",
                "--noise-dbm", "-100", "--snapshots", "64", "--min-rate", "1.5", "--algorithm", "speb-min-digital",
                "--speb-max", "0.02");
        assertEquals(expected.elements(), got.elements());
        assertEquals(expected.spacingM(), got.spacingM());
        assertEquals(expected.rfChains(), got.rfChains());
        assertEquals(expected.users(), got.users());
        assertEquals(expected.nlosPaths(), got.nlosPaths());
        assertEquals(expected.targetM(), got.targetM());
        assertEquals(expected.rcsM2(), got.rcsM2());
        assertEquals(0.01, got.powerW(), 1e-15, "10 dBm");
        assertEquals(1e-13, got.noiseW(), 1e-25, "-100 dBm");
        assertEquals(expected.snapshots(), got.snapshots());
        assertEquals(expected.minRateBpsHz(), got.minRateBpsHz());
        assertEquals(expected.algorithm(), got.algorithm());
        assertEquals(expected.spebMaxM2(), got.spebMaxM2());
        assertEquals(SceneOptions.PAPER.carrierHz(), got.carrierHz());
    }

    /** A power of exactly +-300 dBm is accepted; beyond it, or not finite, is rejected naming the option. */
    @Test
    void powersInDbmAreCheckedAtTheirLimits() {
        assertEquals(1e-3 * 1e30, options("--out", "x.json", "--power-dbm", "300").powerW(), 1e15);
        assertEquals(1e-33, options("--out", "x.json", "--noise-dbm", "-300").noiseW(), 1e-45);
        for (String[] bad : new String[][] {{"--power-dbm", "300.5"}, {"--power-dbm", "-300.5"},
            {"--noise-dbm", "NaN"}, {"--noise-dbm", "Infinity"}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> options("--out", "x.json", bad[0], bad[1]));
            assertTrue(e.getMessage().startsWith(bad[0] + " must be a finite power in dBm"), e.getMessage());
        }
    }

    @Test
    void aTargetThatIsNotTwoNumbersIsRejected(@TempDir Path dir) {
        Path out = dir.resolve("scene.json");
        for (String bad : new String[] {"1,2,3", "a,2", "1,", ""}) {
            GoldenEvalTest.Run r = GoldenEvalTest.run("scene", "--out", out.toString(), "--target", bad);
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().startsWith("fresnel: scene: rejected: --target \"" + bad + "\""), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void theDefaultSceneIsWrittenAndNamedOnStdout(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scene.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("scene", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Scenario s = ScenarioReader.read(out).scenario();
        assertEquals(ScenarioWriter.write(PaperScene.generate(SceneOptions.PAPER, 1)), ScenarioWriter.write(s));
        assertEquals("scene: " + s.name() + "; wrote " + out, r.out().strip());
        GoldenEvalTest.Run unwritable = GoldenEvalTest.run("scene", "--out", dir.resolve("no/such/dir/s.json")
                .toString());
        assertEquals(2, unwritable.status());
        assertTrue(unwritable.err().startsWith("fresnel: scene: rejected: --out "), unwritable.err());
    }
}
