package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --out} in a folder that cannot be created (its parent is a regular file, which no
 * user, root included, can create a folder in): every option is valid, so the run gets as far as
 * creating the output folder and stops there with exit 2 and one line naming the path, before any
 * solve, for paper 000's figures (the engine already opened) and for another paper's.
 */
class SweepOutputFolderTest {

    @Test
    void anOutputFolderThatCannotBeCreatedIsRejectedBeforeAnySolve(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        Path out = file.resolve("figs");
        for (String[] args : new String[][] {{"sweep", "--figure", "2", "--draws", "1", "--schemes", "mrt"},
            {"sweep", "--paper", "001", "--figure", "2"}}) {
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--out";
            all[args.length + 1] = out.toString();
            GoldenEvalTest.Run r = GoldenEvalTest.run(all);
            String what = String.join(" ", args);
            assertEquals(2, r.status(), what + ": " + r.err());
            assertTrue(r.err().startsWith("fresnel: sweep: rejected: "), what + ": " + r.err());
            assertTrue(r.err().contains(file.toString()), what + ": the message names the path: " + r.err());
            assertEquals(1, r.err().lines().count(), what + ": one line, no solve started: " + r.err());
            assertEquals("", r.out(), what);
        }
        assertEquals("x", Files.readString(file));
        assertFalse(Files.exists(out));
    }

    /**
     * Paper 000's sweep creates its output folder and the journal in it before the job runs; a job that
     * then fails before any run is journaled (here: the caller's thread is interrupted, so the engine's
     * wait ends at once) must leave nothing behind, as the paper 002/003 path does when a figure refuses
     * its input: the folder the command created is removed, a folder the user gave stays without the
     * journal the command put in it. The solve ({@code rsma-digital}, about 0.5 s) cannot finish before
     * the engine's first wait, which sees the interrupt.
     */
    @Test
    void aSweepThatFailsBeforeAnyRunIsJournaledLeavesNoFolderBehind(@TempDir Path dir) throws Exception {
        Path created = dir.resolve("figs");
        GoldenEvalTest.Run r = interrupted(created);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("fig3-runs"), "the job had opened its journal: " + r.err());
        // the interrupt is told in one line, without a stack trace
        assertTrue(r.err().strip().endsWith("fresnel: internal error: sweep: interrupted"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(created), "the folder the command created is removed");
        Path given = Files.createDirectories(dir.resolve("given"));
        r = interrupted(given);
        assertEquals(1, r.status(), r.err());
        assertTrue(Files.isDirectory(given), "a folder given by the user stays");
        try (java.util.stream.Stream<Path> files = Files.list(given)) {
            assertEquals(java.util.List.of(), files.toList(), "no journal or file is left");
        }
    }

    private static String[] sweepArgs(Path out) {
        return new String[] {"sweep", "--figure", "3", "--base", io.fresnel.sweep.SweepScenarios.smallBaseFile()
            .toString(), "--schemes", "rsma-digital", "--draws", "1", "--points", "1", "--threads", "1", "--out",
            out.toString()};
    }

    /** Runs the one-solve sweep into {@code out} on a thread whose interrupt flag is set. */
    private static GoldenEvalTest.Run interrupted(Path out) throws InterruptedException {
        GoldenEvalTest.Run[] run = new GoldenEvalTest.Run[1];
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            run[0] = GoldenEvalTest.run(sweepArgs(out));
        });
        t.start();
        t.join(60_000);
        return run[0];
    }

    /**
     * The figure files are written together at the end, after the solves: a folder already
     * standing where {@code fig3.csv} goes makes that write fail, with exit 2 naming the file, and
     * none of the other figure files is written (the write checks every target first). The solve
     * is {@code crb-min-sdr} on the hybrid small base, which the design rejects at once.
     */
    @Test
    void aFigureFileThatCannotBeWrittenAfterTheSolvesIsRejected(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("figs");
        Path blocked = out.resolve("fig3.csv");
        Files.createDirectories(blocked.resolve("inside"));
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--figure", "3", "--base",
                io.fresnel.sweep.SweepScenarios.smallBaseFile().toString(), "--schemes", "crb-min-sdr", "--draws", "1",
                "--points", "1", "--threads", "1", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("[1/1] crb-min-sdr"), "the solve ran first: " + r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("fresnel: sweep: rejected: ") && last.contains(blocked.toString()), last);
        assertFalse(Files.exists(out.resolve("fig3-draws.csv")));
        assertFalse(Files.exists(out.resolve("fig3.png")));
        assertTrue(Files.isDirectory(blocked.resolve("inside")));
        assertEquals("", r.out());
    }
}
