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
}
