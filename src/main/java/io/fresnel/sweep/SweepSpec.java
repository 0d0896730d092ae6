package io.fresnel.sweep;

import io.fresnel.model.Scenario;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep computes: one figure of paper 000, its x values, the number of random draws, the
 * seed and the schemes (design names of SCENARIO.md section 4), on a base scenario.
 *
 * @param figure the figure
 * @param base the base scenario: arrays, power, noise, solver parameters and the templates of
 *     the drawn users and targets; it needs at least one user and an eavesdropper (a node or an
 *     eavesdropping target), since the sweep measures secrecy rates
 * @param points the x values (units of {@link SweepFigure#xName()}), distinct, in output order
 * @param draws the number of random draws per x value and scheme (>= 1)
 * @param seed the seed of the draws ({@link DrawGenerator#drawSeed})
 * @param schemes the design names, distinct, in output order
 * @param maxIterations the solver block's {@code max_iterations} for every solve, or null to keep
 *     the base's
 */
public record SweepSpec(SweepFigure figure, Scenario base, List<Double> points, int draws, long seed,
        List<String> schemes, Integer maxIterations) {

    /** The five schemes of paper 000's figures (RSMA-HB, RSMA-FD, RSMA-SC, SDMA-HB, RSMA-Far). */
    public static final List<String> PAPER_SCHEMES = List.of("rsma-hybrid", "rsma-digital", "rsma-no-crb",
            "sdma-hybrid", "rsma-far-field");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the cause: no point, a point the figure rejects, a
     *     repeated point or scheme, draws < 1, no scheme, a blank scheme, max_iterations < 1, a
     *     base without users or without an eavesdropper
     */
    public SweepSpec {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(base, "base");
        points = List.copyOf(points);
        schemes = List.copyOf(schemes);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no x value to sweep");
        }
        Set<Double> seen = new HashSet<>();
        for (double x : points) {
            figure.check(x);
            if (!seen.add(x)) {
                throw new IllegalArgumentException("x value " + x + " is given twice");
            }
        }
        if (draws < 1) {
            throw new IllegalArgumentException("the number of draws must be at least 1 (got " + draws + ")");
        }
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("no scheme to run");
        }
        Set<String> names = new HashSet<>();
        for (String s : schemes) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("a scheme name is empty");
            }
            if (!names.add(s)) {
                throw new IllegalArgumentException("scheme " + s + " is given twice");
            }
        }
        if (maxIterations != null && maxIterations < 1) {
            throw new IllegalArgumentException("max_iterations must be at least 1 (got " + maxIterations + ")");
        }
        if (base.users().isEmpty()) {
            throw new IllegalArgumentException("the base scenario has no user: the drawn users copy its users'"
                    + " noise_w and min_rate_bps_hz");
        }
        if (base.eavesdroppers().isEmpty() && base.targets().stream().noneMatch(t -> t.eavesdropper())) {
            throw new IllegalArgumentException("the base scenario has no eavesdropper (node or target with"
                    + " \"eavesdropper\": true), so there is no secrecy rate to sweep");
        }
    }
}
