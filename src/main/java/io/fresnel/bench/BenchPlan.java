package io.fresnel.bench;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which benchmark {@code fresnel bench} runs and with how many repetitions: immutable, built by the
 * command line from its options. Warm-ups and runs are already what the benchmark gets (the
 * command line divides them by 10 for the slow ones and applies each benchmark's defaults).
 *
 * @param kind the benchmark
 * @param warmup untimed repetitions first (>= 0)
 * @param runs timed repetitions (>= 1)
 * @param cvxoptScripts folder of the cvxopt reference scripts ({@link Kind#VS_CVXOPT} only)
 * @param python the Python interpreter with cvxopt and numpy ({@link Kind#VS_CVXOPT} only)
 */
public record BenchPlan(Kind kind, int warmup, int runs, Path cvxoptScripts, String python) {
    /** The benchmarks, one per option of {@code fresnel bench} ({@link #EVAL} without one). */
    public enum Kind {
        /** every metric of a 256-element, 3-target, 4-user scenario ({@code eval}) */
        EVAL,
        /** beampattern heatmap frames, 400 x 400 and 100 x 100 */
        HEATMAP,
        /** paper 004's {@code crb-min-sdr} on 16 x 16 and 48 x 48 UPAs */
        SDR,
        /** {@code an-secure-pcrb}: the paper-001 preset cold and warm, then Nt = 8, 16, 32, 64 */
        SECURE,
        /** paper 000's {@code rsma-digital} and {@code rsma-hybrid}, cold and warm-started after a drag */
        RSMA,
        /** beampattern slices of the 3-D view (paper 004 UPA pair) */
        SLICE,
        /** the SDR designs side by side with the cvxopt reference scripts */
        VS_CVXOPT,
        /** paper 002's stochastic analysis, exact and Monte Carlo */
        STOCHASTIC,
        /** {@code localize}: 200 MUSIC trials on a paper-003 scene */
        LOCALIZE,
        /** paper 003's {@code speb-min-hybrid} and {@code speb-min-digital} */
        SPEB
    }

    /** Checks the fields; the message names the one that is wrong. */
    public BenchPlan {
        Objects.requireNonNull(kind, "kind");
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be at least 0 (got " + warmup + ")");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1 (got " + runs + ")");
        }
    }
}
