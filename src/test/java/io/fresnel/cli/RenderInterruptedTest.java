package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} whose thread is interrupted while it waits for the heat-map rows: exit 1 with
 * one line, nothing written, and the thread keeps its interrupt status. The interrupt is sent
 * once the thread is seen inside the row sweep (a 128-element array on a 400 x 300 grid keeps it
 * there for a while), so the test does not depend on timing.
 */
class RenderInterruptedTest {

    private static boolean inRowSweep(Thread t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().equals("io.fresnel.render.RowSweep"));
    }

    @Test
    void anInterruptWhileTheRowsAreComputedIsAnInternalErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        String scenario = GoldenFiles.goldenDir().resolve("public/p_nf_conditioning_n128.scenario.json").toString();
        Path png = dir.resolve("map.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] status = {-1};
        boolean[] stillInterrupted = {false};
        Thread caller = new Thread(() -> {
            status[0] = FresnelCommand.run(new String[] {"render", scenario, "--layer", "beampattern", "--grid",
                "400x300", "--extent", "1,20,-10,10", "--out", png.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        long end = System.nanoTime() + 60_000_000_000L;
        while (caller.isAlive() && !inRowSweep(caller) && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(caller.isAlive(), "the render ended before the test saw it computing: " + err);
        caller.interrupt();
        caller.join(60_000);
        assertEquals(FresnelCommand.INTERNAL_ERROR, status[0], err.toString(StandardCharsets.UTF_8));
        assertEquals("fresnel: render: interrupted", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(stillInterrupted[0], "the interrupt status is restored");
        assertFalse(Files.exists(png));
    }
}
