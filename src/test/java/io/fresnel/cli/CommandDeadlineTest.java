package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
                "--out", out.toString(), "--timeout", "0.01");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(FresnelCommand.TIMED_OUT, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("timed out after 0.01 s"), r.err());
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

    /**
     * A command that records the thread it runs on and the deadline's flags, optionally commits a
     * file first, then waits (ignoring interrupts) until the deadline has passed or {@code waitS} ran out.
     */
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        final Path commit;
        final double waitS;
        int status;
        PrintStream late;
        volatile String thread;
        volatile boolean daemon;
        volatile boolean cancelledAtStart;
        volatile boolean contextCancelledAtStart;
        volatile boolean cancelledAtEnd;
        volatile boolean contextCancelledAtEnd;

        Probe(Path commit, double waitS) {
            this.commit = commit;
            this.waitS = waitS;
        }

        @Override
        public Integer call() throws IOException {
            thread = Thread.currentThread().getName();
            daemon = Thread.currentThread().isDaemon();
            var flag = CommandDeadline.cancelled();
            var context = CommandDeadline.designContext();
            cancelledAtStart = flag.getAsBoolean();
            contextCancelledAtStart = context.isCancelled();
            if (commit != null) {
                AtomicFiles.write(commit, o -> o.write("committed".getBytes(StandardCharsets.UTF_8)));
            }
            long end = System.nanoTime() + (long) (waitS * 1e9);
            while (!flag.getAsBoolean() && System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // keep waiting: the probe notices the deadline through the flag
                }
            }
            cancelledAtEnd = flag.getAsBoolean();
            contextCancelledAtEnd = context.isCancelled();
            if (late != null) {
                spec.commandLine().getOut().println("late output");
                spec.commandLine().getErr().println("late error");
                late.println("printed");
            }
            return status;
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result execute(Object command, String... args) {
        CommandLine cl = new CommandLine(new FresnelCommand());
        cl.addSubcommand("probe", command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FresnelCommand.execute(cl, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withATimeoutTheCommandRunsOnADaemonThreadNamedAfterIt() {
        Probe timed = new Probe(null, 0);
        assertEquals(0, execute(timed, "probe", "--timeout", "30").status());
        assertEquals("fresnel-probe", timed.thread);
        assertTrue(timed.daemon);
        assertFalse(timed.cancelledAtStart || timed.contextCancelledAtStart || timed.cancelledAtEnd);
        Probe plain = new Probe(null, 0);
        assertEquals(0, execute(plain, "probe").status());
        assertEquals(Thread.currentThread().getName(), plain.thread, "without --timeout: on the caller's thread");
    }

    /** The flag designs poll rises at the deadline, not before; without a deadline it never rises. */
    @Test
    void theCancelledFlagRisesAtTheDeadlineOnly() {
        Probe timed = new Probe(null, 20);
        Result r = execute(timed, "probe", "--timeout", "0.2");
        assertEquals(3, r.status(), r.err());
        assertEquals("fresnel: probe: timed out after 0.2 s; nothing was written", r.err().strip());
        long end = System.nanoTime() + 20_000_000_000L;
        while (timed.thread != null && !timed.cancelledAtEnd && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertFalse(timed.cancelledAtStart || timed.contextCancelledAtStart, "not cancelled at the start");
        assertTrue(timed.cancelledAtEnd, "cancelled after the deadline");
        Probe plain = new Probe(null, 0.05);
        assertEquals(0, execute(plain, "probe").status());
        assertFalse(plain.cancelledAtEnd || plain.contextCancelledAtEnd, "no deadline: never cancelled");
    }

    /** A command that committed its files before the deadline finishes normally (its exit status, its output). */
    @Test
    void aCommandThatCommittedBeforeItsDeadlineIsAllowedToFinish(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        Probe probe = new Probe(file, 20);
        probe.status = 7;
        Result r = execute(probe, "probe", "--timeout", "0.2");
        assertEquals(7, r.status(), "the command's own status: " + r.err());
        assertEquals("", r.err());
        assertEquals("committed", Files.readString(file));
        // told of the deadline all the same (its designs would stop), so it does not wait its 20 s
        assertTrue(probe.cancelledAtEnd && probe.contextCancelledAtEnd, "the committed command hears of the deadline");
    }

    /** What a command prints after its deadline is dropped, on stdout and stderr alike. */
    @Test
    void outputAfterTheDeadlineIsDropped() throws Exception {
        Probe probe = new Probe(null, 20);
        java.io.ByteArrayOutputStream done = new java.io.ByteArrayOutputStream();
        probe.late = new PrintStream(done, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new FresnelCommand());
        cl.addSubcommand("probe", probe);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FresnelCommand.execute(cl, new String[] {"probe", "--timeout", "0.2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, status);
        long end = System.nanoTime() + 20_000_000_000L;
        while (done.size() == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals("printed", done.toString(StandardCharsets.UTF_8).strip(), "the probe ran to its end");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("fresnel: probe: timed out after 0.2 s; nothing was written",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theTimeoutsLimitsAreExact() {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        assertEquals(0, GoldenEvalTest.run("eval", src.toString(), "--timeout", "1e7").status());
        for (String bad : new String[] {"1.0000001e7", "NaN", "Infinity", "-Infinity", "-1"}) {
            GoldenEvalTest.Run r = GoldenEvalTest.run("eval", src.toString(), "--timeout", bad);
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().startsWith("fresnel: --timeout must be a number of seconds in (0, 1e7] (got "), r.err());
            assertEquals("", r.out());
        }
    }

    /** A defect under a deadline is the same internal error (exit 1, the exception's own message) as without. */
    @Test
    void anInternalErrorUnderADeadlineIsStillOne() {
        Result r = execute(new ExitStatusTest.Defect(), "probe", "--timeout", "30");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("fresnel: internal error: java.lang.IllegalStateException: an invariant\\nthat"),
                r.err());
    }

    /** A JVM error is not turned into an exit status, with or without a deadline. */
    @Test
    void anErrorPropagatesWithOrWithoutADeadline() {
        @Command(name = "broken")
        final class Broken implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new OutOfMemoryError("simulated");
            }
        }
        for (String[] args : new String[][] {{"probe"}, {"probe", "--timeout", "30"}}) {
            OutOfMemoryError e = org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class,
                    () -> execute(new Broken(), args));
            assertEquals("simulated", e.getMessage());
        }
    }

    @Test
    void aMutedWriterDropsEveryKindOfWrite() throws IOException {
        StringWriter sink = new StringWriter();
        CommandDeadline.MutableWriter w = new CommandDeadline.MutableWriter(sink);
        w.write('a');
        w.write(new char[] {'x', 'b', 'y'}, 1, 1);
        w.write("zcz", 1, 1);
        w.flush();
        assertEquals("abc", sink.toString());
        w.mute();
        w.write('d');
        w.write(new char[] {'e'}, 0, 1);
        w.write("f", 0, 1);
        w.flush();
        assertEquals("abc", sink.toString());
    }
}
