package io.fresnel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fresnel} command line (SCENARIO.md section 5): {@code eval}, {@code solve},
 * {@code render}, {@code sweep} (paper figures as CSV and PNG) and {@code bench}. Without a
 * command, {@link io.fresnel.Main} opens the window.
 * Exit status 0 on success, 2 on a rejected input (the reason on stderr), 1 on an internal error.
 */
@Command(name = "fresnel", mixinStandardHelpOptions = true, versionProvider = FresnelCommand.Version.class,
        description = "Near-field secure ISAC explorer: evaluate scenario files, design precoders, render heatmaps,"
                + " regenerate paper figures.",
        subcommands = {EvalCommand.class, SolveCommand.class, RenderCommand.class, SweepCommand.class,
            SceneCommand.class, LocalizeCommand.class,
            BenchCommand.class})
public final class FresnelCommand implements Callable<Integer> {
    /** Exit status of a success. */
    public static final int OK = 0;
    /** Exit status of an internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit status of a rejected input. */
    public static final int REJECTED = 2;

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
        CommandLine cl = new CommandLine(new FresnelCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("fresnel: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("fresnel: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return REJECTED;
        });
        return cl.execute(args);
    }
}
