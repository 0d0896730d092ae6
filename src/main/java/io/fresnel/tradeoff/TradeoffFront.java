package io.fresnel.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A traced front: every level's point, ordered by level, with the points that another feasible
 * point beats flagged as dominated (Pareto: q dominates p when q's sensing measure is no larger,
 * its communication measure no smaller, and one of them strictly better, beyond the tolerance).
 *
 * @param kind which front
 * @param algorithm the design run at every level
 * @param stage how far the trace got
 * @param points the points, ascending in level (infeasible and failed ones included)
 * @param tolerance the relative slack of comparisons ({@link TradeoffOptions#tolerance()})
 */
public record TradeoffFront(TradeoffKind kind, String algorithm, Stage stage, List<TradeoffPoint> points,
        double tolerance) {

    /** Scale below which the communication measure is compared in absolute terms. */
    static final double COMMUNICATION_FLOOR = 1e-2;

    /** How far a trace got. */
    public enum Stage {
        /** A pass finished and a finer one follows. */
        PARTIAL,
        /** Every pass finished. */
        COMPLETE,
        /** The trace was cancelled; the points are those computed before. */
        CANCELLED
    }

    /** Where a design stands relative to the front. */
    public enum Standing {
        /** No feasible point of the front beats it, and it beats none: on the front. */
        ON_FRONT,
        /** A feasible point of the front beats it (it lies inside the achievable region). */
        DOMINATED,
        /** It beats a feasible point of the front: that part of the front is not optimal. */
        BEYOND,
        /** Its measures are not defined, or the front has no feasible point. */
        UNKNOWN
    }

    /** Validates, orders the points by level and flags the dominated ones. */
    public TradeoffFront {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(stage, "stage");
        List<TradeoffPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(TradeoffPoint::level));
        List<TradeoffPoint> flagged = new ArrayList<>();
        for (TradeoffPoint p : sorted) {
            boolean dominated = false;
            if (p.feasible()) {
                for (TradeoffPoint q : sorted) {
                    if (q != p && q.feasible() && dominates(q.sensing(), q.communication(), p.sensing(),
                            p.communication(), tolerance)) {
                        dominated = true;
                        break;
                    }
                }
            }
            flagged.add(p.withDominated(dominated));
        }
        points = List.copyOf(flagged);
    }

    /** @return the feasible points, ascending in level */
    public List<TradeoffPoint> feasible() {
        return points.stream().filter(TradeoffPoint::feasible).toList();
    }

    /**
     * Where a design with these measures stands relative to the feasible points of the front.
     *
     * @param sensing its sensing measure (lower is better)
     * @param communication its communication measure (higher is better)
     * @return the standing
     */
    public Standing standing(double sensing, double communication) {
        if (!Double.isFinite(sensing) || !Double.isFinite(communication) || feasible().isEmpty()) {
            return Standing.UNKNOWN;
        }
        for (TradeoffPoint q : feasible()) {
            if (dominates(sensing, communication, q.sensing(), q.communication(), tolerance)) {
                return Standing.BEYOND;
            }
        }
        for (TradeoffPoint q : feasible()) {
            if (dominates(q.sensing(), q.communication(), sensing, communication, tolerance)) {
                return Standing.DOMINATED;
            }
        }
        return Standing.ON_FRONT;
    }

    /**
     * @param s1 sensing of the first (lower is better)
     * @param c1 communication of the first (higher is better)
     * @param s2 sensing of the second
     * @param c2 communication of the second
     * @param tol relative slack
     * @return whether the first dominates the second beyond the slack
     */
    static boolean dominates(double s1, double c1, double s2, double c2, double tol) {
        if (!Double.isFinite(s1) || !Double.isFinite(c1) || !Double.isFinite(s2) || !Double.isFinite(c2)) {
            return false;
        }
        double ts = tol * Math.max(Math.abs(s2), Double.MIN_NORMAL);
        double tc = tol * Math.max(Math.abs(c2), COMMUNICATION_FLOOR);
        boolean noWorse = s1 <= s2 + ts && c1 >= c2 - tc;
        boolean better = s1 < s2 - ts || c1 > c2 + tc;
        return noWorse && better;
    }
}
