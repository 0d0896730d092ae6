package io.fresnel.stochastic;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss-Kronrod (7-15) quadrature on finite intervals with given breakpoints: the piece
 * with the largest |K15 - G7| is bisected until the sum is below the tolerance, so that a kink
 * (an outage threshold) or a narrow peak is refined where it sits. The integrand must be finite on the closed pieces (write singular factors out first).
 * Stateless and thread-safe.
 */
public final class Quadrature {
    /** Kronrod nodes on [0, 1] half of [-1, 1] (x_0 = 0.991..., x_7 = 0). */
    private static final double[] XK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
    /** Largest number of pieces one integral is cut into (bounds the work: 15 evaluations each). */
    public static final int MAX_INTERVALS = 400;

    /** Default relative tolerance of {@link #integrate(DoubleUnaryOperator, double[])}. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-12;

    private Quadrature() {
    }

    /**
     * @param f the integrand, finite on [b_0, b_last]
     * @param breakpoints ascending interval ends b_0 &lt; b_1 &lt; ... (at least two); not modified
     * @return the integral over [b_0, b_last] to about {@link #DEFAULT_RELATIVE_TOLERANCE}
     */
    public static double integrate(DoubleUnaryOperator f, double[] breakpoints) {
        return integrate(f, breakpoints, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * Global adaptive integration (as QUADPACK's QAG): the piece with the largest error estimate
     * is bisected until the summed estimate is below the tolerance or {@link #MAX_INTERVALS}
     * pieces exist, so the work is bounded even where the integrand is noisy (an inner integral).
     *
     * @param f the integrand, finite on [b_0, b_last]
     * @param breakpoints ascending interval ends (at least two); not modified
     * @param relativeTolerance the wanted error relative to the integral of |f| (&gt; 0)
     * @return the integral
     */
    public static double integrate(DoubleUnaryOperator f, double[] breakpoints, double relativeTolerance) {
        java.util.PriorityQueue<double[]> heap = new java.util.PriorityQueue<>((x, y) -> Double.compare(y[3], x[3]));
        double scale = 0;
        double error = 0;
        for (int i = 0; i + 1 < breakpoints.length; i++) {
            double a = breakpoints[i];
            double b = breakpoints[i + 1];
            if (!(b > a)) {
                continue;
            }
            double[] r = rule(f, a, b);
            scale += r[2];
            error += r[1];
            heap.add(new double[] {a, b, r[0], r[1]});
        }
        double tol = relativeTolerance * scale;
        int count = heap.size();
        while (error > tol && count < MAX_INTERVALS && !heap.isEmpty()) {
            double[] worst = heap.poll();
            double a = worst[0];
            double b = worst[1];
            double m = 0.5 * (a + b);
            if (!(m > a && m < b)) {
                heap.add(new double[] {a, b, worst[2], 0});
                error -= worst[3];
                continue;
            }
            double[] left = rule(f, a, m);
            double[] right = rule(f, m, b);
            error += left[1] + right[1] - worst[3];
            heap.add(new double[] {a, m, left[0], left[1]});
            heap.add(new double[] {m, b, right[0], right[1]});
            count++;
        }
        double sum = 0;
        for (double[] piece : heap) {
            sum += piece[2];
        }
        return sum;
    }

    /**
     * @param f the integrand
     * @param a lower end
     * @param b upper end
     * @param sortedInside further breakpoints (any order, those outside (a, b) are ignored)
     * @return the integral over [a, b] with the breakpoints added
     */
    public static double integrate(DoubleUnaryOperator f, double a, double b, double... sortedInside) {
        double[] inside = sortedInside.clone();
        java.util.Arrays.sort(inside);
        double[] pts = new double[inside.length + 2];
        int k = 0;
        pts[k++] = a;
        for (double x : inside) {
            if (x > pts[k - 1] && x < b) {
                pts[k++] = x;
            }
        }
        pts[k++] = b;
        return integrate(f, java.util.Arrays.copyOf(pts, k));
    }

    /** @return {K15, |K15 - G7|, integral of |f| by K15} on [a, b] */
    private static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double k = WK[7] * fc;
        double g = WG[3] * fc;
        double abs = WK[7] * Math.abs(fc);
        for (int i = 0; i < 7; i++) {
            double dx = h * XK[i];
            double f1 = f.applyAsDouble(c - dx);
            double f2 = f.applyAsDouble(c + dx);
            k += WK[i] * (f1 + f2);
            abs += WK[i] * (Math.abs(f1) + Math.abs(f2));
            if (i % 2 == 1) {
                g += WG[i / 2] * (f1 + f2);
            }
        }
        return new double[] {k * h, Math.abs((k - g) * h), abs * h};
    }
}
