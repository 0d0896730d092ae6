package io.fresnel.tradeoff;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.metrics.ConstraintStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Traces a front ({@link TradeoffKind}) for a scene: coarse first, then refined. The coarse pass
 * designs the scene at {@code coarsePoints} log-spaced levels; each refinement pass adds the
 * geometric mean between every two neighbours. Every level is one full design run (through the
 * design API), whose precoder is re-evaluated with {@link MetricsEvaluator} and checked with
 * {@link ConstraintStatus}; infeasible, violating and failed runs stay in the front as such.
 *
 * <p>Levels are designed from the tight end to the loose end, each run warm-started from the
 * nearest feasible point on its tight side: that precoder meets the looser level too, so a local
 * method (paper 000's penalty BCD, which is never worse than its start point) gives a front that
 * does not fall as the level loosens, and converges faster. After each pass, a level whose
 * result is worse than that of a tighter level (or infeasible beside a feasible tighter one) is
 * designed again from the better precoder, which is feasible there (see {@code repair}).
 *
 * <p>Cancellation is checked before every run and inside it (the design polls the same flag);
 * a cancelled trace returns the points computed so far with {@link TradeoffFront.Stage#CANCELLED}.
 * Stateless; one trace per call.
 */
public final class TradeoffTracer {

    private TradeoffTracer() {
    }

    /**
     * @param scene the scene (its own precoder is ignored; it is not modified)
     * @param kind the front
     * @param algorithm the design to run at every level (see {@link TradeoffKind#designFor})
     * @param options points, passes, range and tolerance
     * @param cancelled polled before and during every run
     * @param listener progress and the front after each pass
     * @return the front after the last pass, or as far as it got when cancelled
     * @throws IllegalArgumentException for an unknown algorithm or a level the scene rejects
     *     (the message names it)
     */
    public static TradeoffFront trace(Scenario scene, TradeoffKind kind, String algorithm, TradeoffOptions options,
            BooleanSupplier cancelled, TradeoffListener listener) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(listener, "listener");
        if (algorithm == null) {
            throw new IllegalArgumentException(kind.key() + ": needs a design to run at every level");
        }
        Design design = Designs.byName(algorithm);
        double[] range = kind.defaultRange(scene);
        double lo = options.lo() != null ? options.lo() : range[0];
        double hi = options.hi() != null ? options.hi() : range[1];
        if (!(hi > lo)) {
            throw new IllegalArgumentException(kind.key() + ": the highest level must exceed the lowest (got " + lo
                    + " .. " + hi + ")");
        }
        kind.withLevel(scene, lo, algorithm); // rejects a level the scene cannot hold, before any work
        Run run = new Run(scene, kind, algorithm, design, options, cancelled, listener);
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < options.coarsePoints(); i++) {
            levels.add(lo * Math.pow(hi / lo, (double) i / (options.coarsePoints() - 1)));
        }
        if (!run.pass(levels)) {
            return run.front(TradeoffFront.Stage.CANCELLED);
        }
        for (int pass = 0; pass < options.refinePasses(); pass++) {
            listener.onFront(run.front(TradeoffFront.Stage.PARTIAL));
            List<Double> known = new ArrayList<>(run.points.keySet());
            List<Double> mids = new ArrayList<>();
            for (int i = 0; i + 1 < known.size(); i++) {
                mids.add(Math.sqrt(known.get(i) * known.get(i + 1)));
            }
            if (!run.pass(mids)) {
                return run.front(TradeoffFront.Stage.CANCELLED);
            }
        }
        TradeoffFront done = run.front(TradeoffFront.Stage.COMPLETE);
        listener.onFront(done);
        return done;
    }

    /** The state of one trace. */
    private static final class Run {
        final Scenario scene;
        final TradeoffKind kind;
        final String algorithm;
        final Design design;
        final TradeoffOptions options;
        final BooleanSupplier cancelled;
        final TradeoffListener listener;
        final TreeMap<Double, TradeoffPoint> points = new TreeMap<>();
        final int total;
        int done;

        Run(Scenario scene, TradeoffKind kind, String algorithm, Design design, TradeoffOptions options,
                BooleanSupplier cancelled, TradeoffListener listener) {
            this.scene = scene;
            this.kind = kind;
            this.algorithm = algorithm;
            this.design = design;
            this.options = options;
            this.cancelled = cancelled;
            this.listener = listener;
            this.total = options.totalPoints();
        }

        TradeoffFront front(TradeoffFront.Stage stage) {
            return new TradeoffFront(kind, algorithm, stage, new ArrayList<>(points.values()), options.tolerance());
        }

        /** Designs the levels, tight end first, then repairs the pass; false when cancelled. */
        boolean pass(List<Double> levels) {
            for (double level : tightFirst(levels)) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                TradeoffPoint p = point(level, warmStart(level));
                if (p == null) {
                    return false;
                }
                points.put(level, p);
                done++;
                listener.onProgress(done, total, String.format(Locale.ROOT, "%d of %d levels designed", done, total));
            }
            return repair();
        }

        private List<Double> tightFirst(List<Double> levels) {
            List<Double> order = new ArrayList<>(levels);
            order.sort(kind.tightAtLow() ? Double::compare : (a, b) -> Double.compare(b, a));
            return order;
        }

        /**
         * A feasible precoder of a tighter level meets every looser level too, so the optimum cannot
         * get worse as the level loosens. A local method (paper 000) may still end lower, or find
         * nothing, when it started elsewhere; such a level is designed once more, warm-started from
         * the best feasible point on its tight side, and the better of the two runs is kept. An
         * exact design (papers 001 and 004) does not need it; the check then costs nothing.
         *
         * @return false when cancelled
         */
        private boolean repair() {
            TradeoffPoint best = null;
            for (double level : tightFirst(new ArrayList<>(points.keySet()))) {
                TradeoffPoint p = points.get(level);
                if (best != null && (!p.feasible() || better(best, p))) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    TradeoffPoint again = point(level, best.designed().precoder());
                    if (again == null) {
                        return false;
                    }
                    if (again.feasible() && (!p.feasible() || better(again, p))) {
                        points.put(level, again);
                        p = again;
                    }
                }
                if (p.feasible() && (best == null || better(p, best))) {
                    best = p;
                }
            }
            return true;
        }

        /** @return whether a is better than b in the designs' objective beyond the tolerance */
        private boolean better(TradeoffPoint a, TradeoffPoint b) {
            double tol = options.tolerance();
            if (kind == TradeoffKind.SUM_CRB_VS_SINR) {
                return a.sensing() < b.sensing() - tol * Math.abs(b.sensing());
            }
            return a.communication() > b.communication()
                    + tol * Math.max(Math.abs(b.communication()), TradeoffFront.COMMUNICATION_FLOOR);
        }

        /** The nearest feasible precoder on the tight side of the level, or null. */
        Precoder warmStart(double level) {
            Map.Entry<Double, TradeoffPoint> e = kind.tightAtLow() ? points.lowerEntry(level)
                    : points.higherEntry(level);
            while (e != null) {
                if (e.getValue().feasible()) {
                    return e.getValue().designed().precoder();
                }
                e = kind.tightAtLow() ? points.lowerEntry(e.getKey()) : points.higherEntry(e.getKey());
            }
            return null;
        }

        /** Designs one level from a warm start (or none); null when cancelled. */
        TradeoffPoint point(double level, Precoder warm) {
            Scenario at = kind.withLevel(scene, level, algorithm);
            int index = done + 1;
            ProgressListener progress = (iteration, objective, message) -> {
                if (!cancelled.getAsBoolean()) {
                    listener.onProgress(done, total, String.format(Locale.ROOT, "level %d of %d (%s = %.4g):"
                            + " iteration %d", index, total, kind.parameterLabel(), level, iteration));
                }
            };
            listener.onProgress(done, total, String.format(Locale.ROOT, "level %d of %d (%s = %.4g)", index, total,
                    kind.parameterLabel(), level));
            DesignResult result;
            try {
                result = design.run(at, new DesignContext(cancelled, progress, warm));
            } catch (DesignException e) {
                return failed(level, null, e.getMessage());
            } catch (RuntimeException e) {
                return failed(level, null, algorithm + " failed: " + e);
            }
            if (result.status() == DesignStatus.CANCELLED) {
                return cancelled.getAsBoolean() ? null : failed(level, result, "cancelled by the design");
            }
            Precoder p = result.precoder();
            if (p == null) {
                if (result.status() == DesignStatus.INFEASIBLE) {
                    return new TradeoffPoint(level, TradeoffPoint.State.INFEASIBLE, result, null, null, Double.NaN,
                            Double.NaN, false, result.message());
                }
                return failed(level, result, algorithm + " ended " + result.status().jsonName() + " without a precoder"
                        + (result.message() != null ? " (" + result.message() + ")" : ""));
            }
            Scenario designed = at.withPrecoder(p);
            Metrics m;
            try {
                m = MetricsEvaluator.evaluate(designed);
            } catch (ProblemTooLargeException e) {
                return failed(level, result, e.getMessage());
            }
            List<String> missed = new ArrayList<>();
            for (ConstraintStatus.Check c : ConstraintStatus.of(designed, m)) {
                if (!c.met()) {
                    missed.add(c.name() + " (" + c.value() + " vs " + c.limit() + ")");
                }
            }
            double sensing = kind.sensing(m);
            double communication = kind.communication(m);
            if (!missed.isEmpty()) {
                return new TradeoffPoint(level, TradeoffPoint.State.VIOLATED, result, designed, m, sensing,
                        communication, false, "re-evaluation: missed " + String.join("; ", missed));
            }
            if (!Double.isFinite(sensing) || !Double.isFinite(communication)) {
                return new TradeoffPoint(level, TradeoffPoint.State.FAILED, result, designed, m, sensing,
                        communication, false, "the measures are not defined for this precoder");
            }
            return new TradeoffPoint(level, TradeoffPoint.State.FEASIBLE, result, designed, m, sensing, communication,
                    false, result.message());
        }

        private static TradeoffPoint failed(double level, DesignResult result, String message) {
            return new TradeoffPoint(level, TradeoffPoint.State.FAILED, result, null, null, Double.NaN, Double.NaN,
                    false, message);
        }
    }
}
