package io.fresnel.sweep;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SweepSpec} in a form every engine can ship: plain values and the base scenario as
 * its JSON text (SCENARIO.md format, written by {@link ScenarioWriter}). Every engine, the local
 * one included, solves from {@link #spec()} (the spec read back from this plan), so that the
 * rows do not depend on where they were computed. Two plans are the same sweep when they are
 * {@link #equals equal}; the journal of a resumed sweep must hold an equal plan.
 *
 * @param figure paper 000 figure number ({@link SweepFigure#of})
 * @param baseJson the base scenario as JSON
 * @param points the x values, in output order
 * @param draws draws per x value and scheme
 * @param seed the seed of the draws
 * @param schemes the design names, in output order
 * @param maxIterations the solver block's {@code max_iterations}, or null to keep the base's
 */
public record SweepPlan(int figure, String baseJson, List<Double> points, int draws, long seed,
        List<String> schemes, Integer maxIterations) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists. */
    public SweepPlan {
        Objects.requireNonNull(baseJson, "baseJson");
        points = List.copyOf(points);
        schemes = List.copyOf(schemes);
    }

    /**
     * @param spec a validated sweep
     * @return its plan
     */
    public static SweepPlan of(SweepSpec spec) {
        return new SweepPlan(spec.figure().number(), ScenarioWriter.write(spec.base()), spec.points(), spec.draws(),
                spec.seed(), spec.schemes(), spec.maxIterations());
    }

    /**
     * @return the sweep this plan describes, the base read back from its JSON
     * @throws IllegalArgumentException when the plan is not a valid sweep
     */
    public SweepSpec spec() {
        try {
            return new SweepSpec(SweepFigure.of(figure), ScenarioReader.readScenario(baseJson), points, draws, seed,
                    schemes, maxIterations);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("the plan's base scenario cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return the number of runs: x values x draws x schemes */
    public int size() {
        return points.size() * draws * schemes.size();
    }

    /**
     * @param run a run of this plan
     * @return its position in the canonical order (x, then draw, then scheme) of
     *     {@link SweepResult#solves()}
     */
    public int canonicalIndex(SweepRun run) {
        return (run.xIndex() * draws + run.draw()) * schemes.size() + run.schemeIndex();
    }

    /**
     * Every run, draw-major (all x values and schemes of draw 0 first), so that an engine that
     * starts runs in list order covers every x value early.
     *
     * @return the runs
     */
    public List<SweepRun> runs() {
        List<SweepRun> out = new ArrayList<>(size());
        for (int d = 0; d < draws; d++) {
            for (int xi = 0; xi < points.size(); xi++) {
                for (int si = 0; si < schemes.size(); si++) {
                    out.add(new SweepRun(xi, points.get(xi), d, si, schemes.get(si), seed));
                }
            }
        }
        return out;
    }

    /**
     * @param other another plan
     * @return null when equal, else a one-line text naming the first field that differs (this value
     *     first: "seed 1 vs 2")
     */
    public String difference(SweepPlan other) {
        if (figure != other.figure) {
            return "figure " + figure + " vs " + other.figure;
        }
        if (seed != other.seed) {
            return "seed " + seed + " vs " + other.seed;
        }
        if (draws != other.draws) {
            return "draws " + draws + " vs " + other.draws;
        }
        if (!points.equals(other.points)) {
            return "points " + points + " vs " + other.points;
        }
        if (!schemes.equals(other.schemes)) {
            return "schemes " + schemes + " vs " + other.schemes;
        }
        if (!Objects.equals(maxIterations, other.maxIterations)) {
            return "max_iterations " + maxIterations + " vs " + other.maxIterations;
        }
        if (!baseJson.equals(other.baseJson)) {
            return "the base scenario differs";
        }
        return null;
    }
}
