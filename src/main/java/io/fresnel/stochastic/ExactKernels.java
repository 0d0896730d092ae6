package io.fresnel.stochastic;

import java.util.function.DoubleUnaryOperator;

/**
 * The one-dimensional integrals the exact analysis is made of (ERRATA 002.14):
 * <ul>
 *   <li>E ln(1 + Z) = int_0^inf e^{-s}/s (1 - E e^{-sZ}) ds (nats), so an ergodic rate is an
 *       integral of the moment generating function of Z;</li>
 *   <li>the mean of f(X) for X ~ Beta(1, k), density k (1 - x)^{k-1} on [0, 1];</li>
 *   <li>the law of the random angle: E[1/cos^2 theta given |theta| &lt;= pi/2 - delta] =
 *       2 cot(delta)/(pi - 2 delta), and P(K/cos^2 theta &gt; eps) = (2/pi) asin(min(1, sqrt(K/eps)))
 *       for theta ~ U(-pi/2, pi/2) (Lemma 2/4 with ERRATA 002.5: 1 beyond the range).</li>
 * </ul>
 * Stateless.
 */
final class ExactKernels {
    /** ln 2, to turn nats into bits. */
    static final double LN2 = Math.log(2);
    /** Breakpoints of the s-integrals: geometric near 0 (scale 1/SNR), e^{-s} cut at 50 (&lt; 2e-22). */
    private static final double[] S_BREAKS = {0, 1e-12, 1e-10, 1e-8, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3, 1,
        2, 4, 8, 16, 32, 50};

    private ExactKernels() {
    }

    /**
     * E log2(1 + Z) from log E e^{-sZ}.
     *
     * @param logMgf s -&gt; ln E e^{-sZ} (&lt;= 0)
     * @return the mean (bit)
     */
    static double rateBits(DoubleUnaryOperator logMgf) {
        return Quadrature.integrate(s -> s == 0 ? 0 : Math.exp(-s) / s * -Math.expm1(logMgf.applyAsDouble(s)),
                S_BREAKS) / LN2;
    }

    /**
     * E log2(1 + Zall) - E log2(1 + Zpart) = int e^{-s}/s (E e^{-s Zpart} - E e^{-s Zall}) ds / ln 2,
     * the ergodic rate of SINR = (Zall - Zpart)/(1 + Zpart).
     *
     * @param logMgfAll ln E e^{-s Zall}
     * @param logMgfPart ln E e^{-s Zpart}
     * @return the difference (bit)
     */
    static double rateDifferenceBits(DoubleUnaryOperator logMgfAll, DoubleUnaryOperator logMgfPart) {
        return Quadrature.integrate(s -> s == 0 ? 0 : Math.exp(-s) / s
                * (-Math.expm1(logMgfAll.applyAsDouble(s)) + Math.expm1(logMgfPart.applyAsDouble(s))), S_BREAKS)
                / LN2;
    }

    /**
     * E f(X) for X ~ Beta(1, k).
     *
     * @param k the second shape parameter (&gt;= 1)
     * @param f a function finite on [0, 1]
     * @param kinks points in (0, 1) where f is not smooth (any order; others ignored)
     * @return the mean
     */
    static double beta1Mean(int k, DoubleUnaryOperator f, double... kinks) {
        double[] scales = {0.125, 0.5, 1, 2, 4, 8, 16, 32, 64};
        double[] inside = new double[scales.length + kinks.length];
        for (int i = 0; i < scales.length; i++) {
            inside[i] = scales[i] / k;
        }
        System.arraycopy(kinks, 0, inside, scales.length, kinks.length);
        return Quadrature.integrate(x -> k * Math.pow(1 - x, k - 1) * f.applyAsDouble(x), 0, 1, inside);
    }

    /**
     * @param deltaRad the truncation delta (rad, in (0, pi/2))
     * @return E[1/cos^2 theta given |theta| &lt;= pi/2 - delta] = 2 cot(delta)/(pi - 2 delta)
     */
    static double truncatedSecantMean(double deltaRad) {
        return 2 / (Math.tan(deltaRad) * (Math.PI - 2 * deltaRad));
    }

    /**
     * @param k the numerator K of a bound K/cos^2(theta) (&gt;= 0; +infinity allowed)
     * @param eps the threshold (&gt; 0)
     * @return P(K/cos^2 theta &gt; eps) for theta ~ U(-pi/2, pi/2)
     */
    static double secantOutage(double k, double eps) {
        if (!(k < Double.POSITIVE_INFINITY)) {
            return 1;
        }
        double r = k / eps;
        return r >= 1 ? 1 : 2 / Math.PI * Math.asin(Math.sqrt(r));
    }

    /**
     * e^x E_k(x), the scaled generalised exponential integral (continued fraction for x &gt; 1,
     * series otherwise).
     *
     * @param k the order (&gt;= 1)
     * @param x the argument (&gt; 0)
     * @return e^x E_k(x)
     */
    static double scaledExpint(int k, double x) {
        final double euler = 0.5772156649015329;
        int nm1 = k - 1;
        if (x > 1) {
            double b = x + k;
            double c = 1 / Double.MIN_NORMAL;
            double d = 1 / b;
            double h = d;
            for (int i = 1; i < 100000; i++) {
                double an = -i * (double) (nm1 + i);
                b += 2;
                d = 1 / (an * d + b);
                c = b + an / c;
                double del = c * d;
                h *= del;
                if (Math.abs(del - 1) < 1e-16) {
                    break;
                }
            }
            return h;
        }
        double ans = nm1 != 0 ? 1.0 / nm1 : -Math.log(x) - euler;
        double fact = 1;
        for (int i = 1; i < 100000; i++) {
            fact *= -x / i;
            double del;
            if (i != nm1) {
                del = -fact / (i - nm1);
            } else {
                double psi = -euler;
                for (int ii = 1; ii <= nm1; ii++) {
                    psi += 1.0 / ii;
                }
                del = fact * (-Math.log(x) + psi);
            }
            ans += del;
            if (Math.abs(del) < Math.abs(ans) * 1e-17) {
                break;
            }
        }
        return ans * Math.exp(x);
    }
}
