package io.fresnel.cli;

import io.fresnel.model.Text;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fresnel} command line (SCENARIO.md section 5): {@code eval}, {@code solve},
 * {@code render}, {@code sweep} (paper figures as CSV and PNG), {@code scene} (seeded random scenes
 * of a paper's set-up), {@code localize} (MUSIC localisation) and {@code bench}. Without a
 * command, {@link io.fresnel.Main} opens the window.
 * Exit status 0 on success, 2 on a rejected input (the reason on stderr), 1 on an internal error,
 * 3 when the {@code --timeout SECONDS} that every command takes expired (nothing written).
 */
@Command(name = "fresnel", mixinStandardHelpOptions = true, versionProvider = FresnelCommand.Version.class,
        description = "Near-field secure ISAC explorer: evaluate scenario files, design precoders, render heatmaps,"
                + " regenerate paper figures.",
        subcommands = {EvalCommand.class, SolveCommand.class, RenderCommand.class, SweepCommand.class,
            SceneCommand.class, LocalizeCommand.class, StochasticCommand.class, TradeoffCommand.class,
            BenchCommand.class})
public final class FresnelCommand implements Callable<Integer> {
    /** Exit status of a success. */
    public static final int OK = 0;
    /** Exit status of an internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit status of a rejected input. */
    public static final int REJECTED = 2;
    /** Exit status of a command whose {@code --timeout} expired (nothing written). */
    public static final int TIMED_OUT = 3;

    /** Prints the build's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Fresnel " + io.fresnel.io.Provenance.version()};
        }
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    /**
     * Runs the command line.
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return execute(new CommandLine(new FresnelCommand()), args, out, err);
    }

    /**
     * Runs a command line configured as {@link #run} configures it (streams, {@code --timeout},
     * the exception handlers and their exit statuses).
     *
     * @param cl the command line (its subcommands get the {@code --timeout} option)
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    static int execute(CommandLine cl, String[] args, PrintStream out, PrintStream err) {
        // UTF-8 whatever the locale: ids and names are Unicode, and JSON is UTF-8
        CommandDeadline.MutableWriter outWriter = new CommandDeadline.MutableWriter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter rawErr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandDeadline.MutableWriter errWriter = new CommandDeadline.MutableWriter(rawErr);
        PrintWriter stdout = new PrintWriter(outWriter, true);
        PrintWriter stderr = new PrintWriter(errWriter, true);
        cl.setOut(stdout);
        cl.setErr(stderr);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.addMixin("timeout", new CommandDeadline.TimeoutOption());
        }
        CommandDeadline.Streams streams = new CommandDeadline.Streams(stdout, stderr, rawErr,
                () -> new CommandDeadline.MutableWriter[] {outWriter, errWriter});
        cl.setExecutionStrategy(parseResult -> CommandDeadline.execute(parseResult, streams));
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof InterruptedException) {
                // the caller's thread was interrupted (without --timeout, which says the same in its own words):
                // one line, the interrupt status kept, no stack trace
                Thread.currentThread().interrupt();
                line.getErr().println("fresnel: internal error: " + line.getCommandSpec().name() + ": interrupted");
                return INTERNAL_ERROR;
            }
            line.getErr().println("fresnel: internal error: " + Text.oneLine(String.valueOf(ex)));
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line: the reason and where the usage is (not the whole usage text)
            ex.getCommandLine().getErr().println("fresnel: " + Text.oneLine(ex.getMessage()) + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help)");
            return REJECTED;
        });
        try {
            return cl.execute(args);
        } finally {
            // the writers flush themselves on println/printf (autoflush), so the commands never flush;
            // what a command print()s without a line end (a CSV or JSON document) is flushed here
            stdout.flush();
            stderr.flush();
            rawErr.flush();
        }
    }
}
