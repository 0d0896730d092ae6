package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command's worker thread is interrupted both when the deadline passes and when the caller
 * is interrupted, so that a command blocked in a sleep or a wait (not polling the cancelled
 * flag) stops instead of running on as a hidden daemon.
 */
class WorkerInterruptTest {
    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_S = 30;

    /** Sleeps for a minute unless interrupted; counts the interrupt down. */
    @Command(name = "sleeper")
    static final class Sleeper implements Callable<Integer> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public Integer call() {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        }
    }

    private static int execute(Sleeper sleeper, String... args) {
        CommandLine cl = new CommandLine(new FresnelCommand());
        cl.addSubcommand("sleeper", sleeper);
        return FresnelCommand.execute(cl, args, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theDeadlineInterruptsTheWorker() throws Exception {
        Sleeper sleeper = new Sleeper();
        assertEquals(FresnelCommand.TIMED_OUT, execute(sleeper, "sleeper", "--timeout", "0.2"));
        assertTrue(sleeper.interrupted.await(GUARD_S, TimeUnit.SECONDS), "the sleeping worker was interrupted");
    }

    @Test
    void anInterruptedCallerInterruptsTheWorker() throws Exception {
        Sleeper sleeper = new Sleeper();
        int[] status = {-1};
        Thread caller = new Thread(() -> status[0] = execute(sleeper, "sleeper", "--timeout", "600"));
        caller.start();
        assertTrue(sleeper.started.await(GUARD_S, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(GUARD_S));
        assertEquals(FresnelCommand.INTERNAL_ERROR, status[0]);
        assertTrue(sleeper.interrupted.await(GUARD_S, TimeUnit.SECONDS), "the sleeping worker was interrupted");
    }
}
