package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradeoff} on a scene that is offered no front (no target, so no sensing side to trade):
 * exit 2 before any design runs, naming the algorithm in force, which is {@code --algorithm} when
 * given, else the solver block's; without either the message says so (it used to print "null").
 */
class TradeoffNoFrontTest {

    /** A golden scene without its targets, with the given solver block algorithm (or none). */
    private static Path sceneWithoutTargets(Path dir, String algorithm) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(
                GoldenFiles.goldenDir().resolve("public/p001_mrt_no_an.scenario.json").toFile());
        tree.remove("targets");
        tree.remove("sensing_eavesdroppers");
        tree.remove("solver");
        if (algorithm != null) {
            tree.putObject("solver").put("algorithm", algorithm);
        }
        Path f = dir.resolve("scene-" + algorithm + ".json");
        Files.writeString(f, json.writeValueAsString(tree));
        return f;
    }

    private static void assertNoFront(Path scene, String inForce, String... options) {
        Path csv = scene.resolveSibling("front.csv");
        String[] args = new String[options.length + 4];
        args[0] = "tradeoff";
        args[1] = scene.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = "--out";
        args[options.length + 3] = csv.toString();
        GoldenEvalTest.Run r = GoldenEvalTest.run(args);
        assertEquals(2, r.status(), r.err());
        String which = inForce != null ? "with algorithm " + inForce : "without an algorithm";
        assertEquals("fresnel: tradeoff: rejected: " + scene + ": no tradeoff front for this scene " + which
                + " (see docs/tradeoff.md)", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(csv));
    }

    @Test
    void theAlgorithmInForceIsTheOptionElseTheSolverBlocksElseNone(@TempDir Path dir) throws Exception {
        Path withBlock = sceneWithoutTargets(dir, "zf");
        assertNoFront(withBlock, "zf");
        assertNoFront(withBlock, "mrt", "--algorithm", "mrt");
        assertNoFront(sceneWithoutTargets(dir, null), null);
    }
}
