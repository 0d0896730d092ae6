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

/**
 * The command line's exit statuses, each provoked: 0 success, 2 rejected input, 1 internal error.
 * The statuses are asserted as the numbers SCENARIO.md section 5 promises, not as the constants
 * of {@link FresnelCommand} (a constant changed to 2 would otherwise pass).
 */
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
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", src.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(0, FresnelCommand.OK);
        assertTrue(r.out().strip().startsWith("{") && r.out().contains("\"users\""), r.out());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void aRejectedInputIsTwoWithOneLine() {
        Path bad = GoldenFiles.goldenDir().resolve("bad/truncated_json.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", bad.toString());
        assertEquals(2, r.status());
        assertEquals(2, FresnelCommand.REJECTED);
        assertTrue(r.out().isEmpty(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        GoldenEvalTest.Run option = GoldenEvalTest.run("render", bad.toString(), "--grid", "2x");
        assertEquals(2, option.status());
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
        assertEquals(1, status);
        assertEquals(1, FresnelCommand.INTERNAL_ERROR);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("fresnel: internal error: java.lang.IllegalStateException: an invariant\\nthat"),
                text);
        assertTrue(text.lines().skip(1).anyMatch(l -> l.strip().startsWith("at " + Defect.class.getName() + ".call")),
                "the stack trace follows the one-line message: " + text);
    }

    /**
     * The production path of an internal error without a test-only command: {@code eval} under
     * {@code --timeout} on a caller thread that is interrupted while it waits for the command. The
     * run cannot complete, which is neither the input's fault (2) nor a deadline (3): exit 1,
     * said on stderr, nothing on stdout.
     */
    @Test
    void anInterruptedRunIsAnInternalErrorOne() throws Exception {
        Path src = GoldenFiles.goldenDir().resolve("public/p_nf_conditioning_n128.scenario.json");
        GoldenEvalTest.Run[] got = new GoldenEvalTest.Run[1];
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            got[0] = GoldenEvalTest.run("eval", src.toString(), "--timeout", "600");
        });
        caller.start();
        caller.join(60_000);
        assertTrue(got[0] != null, "the interrupted run did not return");
        assertEquals(1, got[0].status(), got[0].err());
        assertTrue(got[0].out().isEmpty(), got[0].out());
        assertTrue(got[0].err().startsWith("fresnel: internal error: eval: interrupted"), got[0].err());
    }
}
