package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marker legend is drawn in the figure unless {@code --no-legend} is given (its entries,
 * e.g. "Tx element", are text of the SVG), at the same figure size either way.
 */
class RenderLegendTest {

    @Test
    void theLegendIsDrawnOnlyWithoutNoLegend(@TempDir Path dir) throws Exception {
        String scenario = GoldenFiles.goldenDir().resolve("public/p000_rsma_hybrid_fresnel.scenario.json").toString();
        Path with = dir.resolve("with.svg");
        Path without = dir.resolve("without.svg");
        String[] common = {"render", scenario, "--layer", "beampattern", "--grid", "9x7", "--extent", "1,20,-10,10",
            "--size", "640x480"};
        GoldenEvalTest.Run a = GoldenEvalTest.run(cat(common, "--out", with.toString()));
        GoldenEvalTest.Run b = GoldenEvalTest.run(cat(common, "--out", without.toString(), "--no-legend"));
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        String svgWith = Files.readString(with);
        String svgWithout = Files.readString(without);
        assertTrue(svgWith.contains("Tx element") && svgWith.contains("eavesdropper"), "the legend's entries");
        assertFalse(svgWithout.contains("Tx element"), "no legend with --no-legend");
    }

    private static String[] cat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
