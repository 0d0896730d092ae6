package io.fresnel.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of one paper as {@code sweep --paper P --figure K} regenerates them (paper 000's
 * Figs. 2-6 are built into the command through {@link SweepRunner}; the other papers register an
 * implementation in {@link PaperSweeps}). An implementation writes its files (CSV per point,
 * per-run audit CSV, chart) into {@link SweepOptions#out()} atomically, all or none.
 */
public interface PaperSweep {

    /** The number of draws of paper 000's figures when {@code --draws} is not given. */
    int DEFAULT_DRAWS = 10;

    /** @return the paper's three-digit number, e.g. {@code "003"} */
    String paper();

    /** @return the figure numbers it regenerates, ascending */
    List<Integer> figures();

    /**
     * @return the draws per point when {@code --draws} is not given: {@link #DEFAULT_DRAWS}, or 1 for
     *     a paper whose figures are computed on one fixed geometry
     */
    default int defaultDraws() {
        return DEFAULT_DRAWS;
    }

    /**
     * Checks the options of a figure before the command creates the output folder, so that a
     * rejected input leaves nothing behind. The default accepts everything ({@link #run} checks).
     *
     * @param figure a number of {@link #figures()}
     * @param options the command's options
     * @throws IllegalArgumentException naming the option the figure cannot use
     */
    default void check(int figure, SweepOptions options) {
    }

    /** @return one line per figure for the command's help and its rejections */
    String describe();

    /**
     * Regenerates one figure.
     *
     * @param figure a number of {@link #figures()}
     * @param options the command's options (the output folder exists)
     * @param progress where to report progress (one line per run; never null)
     * @return the files written, in the order to list them
     * @throws IllegalArgumentException for an input the figure cannot use (the message names the
     *     option, e.g. {@code --points}); nothing is written then
     * @throws IOException when the output cannot be written (nothing is left behind)
     * @throws InterruptedException when the sweep was interrupted
     */
    List<Path> run(int figure, SweepOptions options, PrintWriter progress) throws IOException, InterruptedException;
}
