package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line's exit statuses, each provoked: 0 success, 2 rejected input, 1 internal error. */
class ExitStatusTest {

    /** A command with a defect: it throws an unchecked exception. */
    @Command(name = "defect")
    static final class Defect implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an invariant\nthat does not hold");
        }
    }

    @Test
    void successIsZero() {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        assertEquals(FresnelCommand.OK, GoldenEvalTest.run("eval", src.toString()).status());
    }

    @Test
    void aRejectedInputIsTwoWithOneLine() {
        Path bad = GoldenFiles.goldenDir().resolve("bad/truncated_json.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", bad.toString());
        assertEquals(FresnelCommand.REJECTED, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        GoldenEvalTest.Run option = GoldenEvalTest.run("render", bad.toString(), "--grid", "2x");
        assertEquals(FresnelCommand.REJECTED, option.status());
        assertEquals(1, option.err().strip().lines().count(), option.err());
        assertTrue(option.err().contains("(see: fresnel render --help)"), option.err());
    }

    @Test
    void anInternalErrorIsOneAndSaysSo() {
        CommandLine cl = new CommandLine(new FresnelCommand());
        cl.addSubcommand("defect", new Defect());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FresnelCommand.execute(cl, new String[] {"defect"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(FresnelCommand.INTERNAL_ERROR, status);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("fresnel: internal error: java.lang.IllegalStateException: an invariant\\nthat"),
                text);
    }
}
