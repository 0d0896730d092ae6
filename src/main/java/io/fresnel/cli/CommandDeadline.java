package io.fresnel.cli;

import io.fresnel.design.DesignContext;
import io.fresnel.design.ProgressListener;
import io.fresnel.io.OutputGate;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --timeout SECONDS}, which every command takes: the command runs on a worker thread with an
 * {@link OutputGate}; when the time is up the gate closes (no file is committed after that), the
 * command's later output is dropped, the worker is interrupted and cancelled designs stop, and
 * the command ends with exit status {@value FresnelCommand#TIMED_OUT} and a one-line message. A
 * command that had already committed its files when the time ran out is allowed to finish. A
 * caller interrupted while it waits gets exit status {@value FresnelCommand#INTERNAL_ERROR}; its
 * message says whether the command had already committed a file (a file cannot be taken back).
 */
final class CommandDeadline {

    /**
     * The running command's cancelled flag, inherited like its {@link OutputGate} by the threads it
     * starts. It is raised after the command's streams are muted (a command that hears of the
     * deadline and prints on its way out is not heard), and after the gate is closed.
     */
    private static final InheritableThreadLocal<AtomicBoolean> CANCELLED = new InheritableThreadLocal<>();

    /** The option, added as a mixin to every subcommand. */
    static final class TimeoutOption {
        @Option(names = "--timeout", paramLabel = "SECONDS",
                description = "give up after this many seconds: exit status 3, nothing written")
        Double seconds;
    }

    /** A writer whose output can be switched off (the output of a command past its deadline). */
    static final class MutableWriter extends FilterWriter {
        private volatile boolean muted;

        MutableWriter(Writer out) {
            super(out);
        }

        void mute() {
            muted = true;
        }

        @Override
        public void write(int c) throws IOException {
            if (!muted) {
                super.write(c);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (!muted) {
                super.write(cbuf, off, len);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (!muted) {
                super.write(str, off, len);
            }
        }
    }

    private CommandDeadline() {
    }

    /**
     * @return a design context that is cancelled once the running command's deadline has passed
     *     (never cancelled without a deadline)
     */
    static DesignContext designContext() {
        return new DesignContext(cancelled(), ProgressListener.NONE, null);
    }

    /**
     * @return true once the running command's deadline has passed (or its caller was interrupted),
     *     raised only after the command's output was muted unless it had committed a file
     */
    static BooleanSupplier cancelled() {
        AtomicBoolean flag = CANCELLED.get();
        return flag == null ? () -> false : flag::get;
    }

    /**
     * The execution strategy of the command line: runs the chosen command, within its deadline
     * when it was given {@code --timeout}.
     *
     * @param parseResult the parsed command line
     * @param streams the command line's output and error writers (muted after a timeout) and the
     *     raw error writer for the timeout message
     * @return the exit status
     */
    static int execute(CommandLine.ParseResult parseResult, Streams streams) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine.Model.CommandSpec mixin = leaf.commandSpec().mixins().get("timeout");
        Double seconds = mixin == null ? null : ((TimeoutOption) mixin.userObject()).seconds;
        if (seconds == null) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        if (!(seconds > 0) || !Double.isFinite(seconds) || seconds > 1e7) {
            throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(),
                    "--timeout must be a number of seconds in (0, 1e7] (got " + seconds + ")");
        }
        OutputGate gate = new OutputGate();
        AtomicBoolean cancel = new AtomicBoolean();
        FutureTask<Integer> task = new FutureTask<>(() -> {
            gate.install();
            CANCELLED.set(cancel);
            return new CommandLine.RunLast().execute(parseResult);
        });
        Thread worker = new Thread(task, "fresnel-" + leaf.commandSpec().name());
        worker.setDaemon(true);
        try {
            try {
                if (Thread.interrupted()) {
                    // a caller interrupted before the command starts gets no result and no output: the
                    // command is not started (started, a command that ends at once could print first)
                    throw new InterruptedException();
                }
                worker.start();
                return task.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (gate.close()) {
                    // committed before the deadline: told of it (its designs stop), but let finish and heard
                    cancel.set(true);
                    return task.get();
                }
                // muted before the command is told or woken: a command that prints on its way out is not heard
                streams.mute();
                cancel.set(true);
                worker.interrupt();
                streams.raw().println("fresnel: " + leaf.commandSpec().name() + ": timed out after " + seconds
                        + " s; nothing was written");
                return FresnelCommand.TIMED_OUT;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // muted before the command is told (the cancelled flag) or woken: what it prints on its way out
            // is not heard
            streams.mute();
            // a command that already committed a file before the interrupt cannot take it back: say so
            boolean committed = gate.close();
            cancel.set(true);
            worker.interrupt();
            streams.raw().println("fresnel: internal error: " + leaf.commandSpec().name()
                    + ": interrupted while waiting for the command; "
                    + (committed ? "some of its output had already been written" : "nothing was written"));
            return FresnelCommand.INTERNAL_ERROR;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The writers of one command-line run.
     *
     * @param out standard output as the command sees it
     * @param err standard error as the command sees it
     * @param raw standard error for the launcher's own messages (never muted)
     * @param mutes what {@link #mute()} switches off
     */
    record Streams(PrintWriter out, PrintWriter err, PrintWriter raw, Supplier<MutableWriter[]> mutes) {
        void mute() {
            for (MutableWriter w : mutes.get()) {
                w.mute();
            }
        }
    }
}
