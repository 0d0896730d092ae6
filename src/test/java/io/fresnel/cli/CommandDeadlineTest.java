package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandDeadlineTest {

    private static Path preset(Path dir) throws IOException {
        Path f = dir.resolve("paper-000.json");
        try (InputStream in = CommandDeadlineTest.class.getResourceAsStream("/presets/paper-000-rsma.json")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void aSolvePastItsDeadlineExitsThreeAndWritesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("solved.json");
        long start = System.nanoTime();
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", preset(dir).toString(), "--algorithm", "rsma-hybrid",
                "--out", out.toString(), "--timeout", "0.3");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(FresnelCommand.TIMED_OUT, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("timed out after 0.3 s"), r.err());
        assertFalse(Files.exists(out));
        assertTrue(seconds < 5, "returned after " + seconds + " s");
    }

    @Test
    void aQuickCommandWithinItsDeadlineIsUnaffected() {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        GoldenEvalTest.Run plain = GoldenEvalTest.run("eval", src.toString());
        GoldenEvalTest.Run timed = GoldenEvalTest.run("eval", src.toString(), "--timeout", "60");
        assertEquals(0, timed.status(), timed.err());
        assertEquals(plain.out(), timed.out());
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberIsRejected() {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", src.toString(), "--timeout", "0");
        assertEquals(FresnelCommand.REJECTED, r.status());
        assertTrue(r.err().contains("--timeout must be a number of seconds"), r.err());
        assertEquals(FresnelCommand.REJECTED, GoldenEvalTest.run("eval", src.toString(), "--timeout", "soon").status());
    }
}
