package io.fresnel.design.secure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The one-dimensional search of (P1.2) (paper 001, eq. (32)): maximise
 * s(gamma) = log2((1 + f(gamma)) / (1 + gamma)) over gamma &gt; 0. The paper observes (Fig. 2)
 * that s first increases and then decreases. The search evaluates a logarithmic grid (4 points
 * per decade from 1e-6 up to the user's SNR, the largest value f can take, plus 1e-9), then refines
 * the best grid point by golden-section search in ln gamma between its neighbours until the
 * bracket is shorter than {@value #LN_TOLERANCE}.
 */
final class GammaSearch {
    /** Width of the final bracket in ln gamma. */
    static final double LN_TOLERANCE = 1e-6;
    private static final double SMALLEST = 1e-9;
    private static final double GRID_START = 1e-6;
    private static final int PER_DECADE = 4;
    private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

    private GammaSearch() {
    }

    /**
     * The grid of the first phase.
     *
     * @param largest the largest gamma worth trying (the user's SNR)
     * @return ascending values of gamma
     */
    static List<Double> grid(double largest) {
        List<Double> g = new ArrayList<>();
        g.add(SMALLEST);
        for (int j = 0;; j++) {
            double x = GRID_START * Math.pow(10, (double) j / PER_DECADE);
            if (x > largest) {
                break;
            }
            g.add(x);
        }
        if (g.size() == 1 && largest > SMALLEST) {
            g.add(largest);
        }
        return g;
    }

    /**
     * Maximises s over gamma.
     *
     * @param secrecy s(gamma); -Infinity where it could not be evaluated
     * @param largest the largest gamma worth trying (&gt; 0)
     * @param stop checked before every evaluation; true ends the search early
     * @return the best gamma evaluated (NaN when stopped before the first evaluation)
     */
    static double maximise(DoubleUnaryOperator secrecy, double largest, BooleanSupplier stop) {
        List<Double> grid = grid(largest);
        double[] values = new double[grid.size()];
        int best = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (stop.getAsBoolean()) {
                return best < 0 ? Double.NaN : grid.get(best);
            }
            values[i] = secrecy.applyAsDouble(grid.get(i));
            if (best < 0 || values[i] > values[best]) {
                best = i;
            }
        }
        double bestGamma = grid.get(best);
        double bestValue = values[best];
        double a = Math.log(grid.get(Math.max(0, best - 1)));
        double b = Math.log(grid.get(Math.min(grid.size() - 1, best + 1)));
        double x1 = b - INV_PHI * (b - a);
        double x2 = a + INV_PHI * (b - a);
        double f1 = Double.NaN;
        double f2 = Double.NaN;
        while (b - a > LN_TOLERANCE) {
            if (Double.isNaN(f1)) {
                if (stop.getAsBoolean()) {
                    break;
                }
                f1 = secrecy.applyAsDouble(Math.exp(x1));
                if (f1 > bestValue) {
                    bestValue = f1;
                    bestGamma = Math.exp(x1);
                }
            }
            if (Double.isNaN(f2)) {
                if (stop.getAsBoolean()) {
                    break;
                }
                f2 = secrecy.applyAsDouble(Math.exp(x2));
                if (f2 > bestValue) {
                    bestValue = f2;
                    bestGamma = Math.exp(x2);
                }
            }
            if (f1 >= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - INV_PHI * (b - a);
                f1 = Double.NaN;
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + INV_PHI * (b - a);
                f2 = Double.NaN;
            }
        }
        return bestGamma;
    }
}
