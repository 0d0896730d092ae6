package io.fresnel.math;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sine and cosine of large phases (k |p - t| reaches 1e5 rad at millimetre wavelengths) at a
 * fraction of the cost of {@link Math#sin} and {@link Math#cos}, with an absolute error of about
 * 1e-16 for |x| &lt;= {@link #MAX_REDUCED_ARGUMENT} (beyond it the {@link Math} functions are used).
 *
 * <p>Method: Cody-Waite range reduction x = n pi/2 + r, |r| &lt;= pi/4, with pi/2 split into three
 * doubles whose first two carry 30 significant bits, so that n * part is exact for |n| &lt; 2^23;
 * then the Taylor polynomials sin r = r - r^3/3! + ... + r^15/15! (truncation error
 * (pi/4)^17/17! &lt; 5e-17) and cos r = 1 - r^2/2! + ... + r^16/16! (truncation error
 * (pi/4)^18/18! &lt; 3e-18) evaluated by Horner's rule in r^2; the quadrant n mod 4 swaps and
 * negates them.
 *
 * <p>Phases in cycles ({@link #sinCosCycles}, {@link #expCycles}: cos and sin of 2 pi t) need no
 * split constant: t - round(t) is exact, and two angle doublings replace the quadrant logic. The
 * array responses of the heatmaps use that form.
 *
 * <p>Stateless and thread-safe; the batch methods write only their output arrays.
 */
public final class FastTrig {
    /** Largest |x| (rad) reduced here; larger arguments fall back to {@link Math}. */
    public static final double MAX_REDUCED_ARGUMENT = 4.0e6;

    private static final double TWO_OVER_PI = 0.6366197723675814;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer. */
    private static final double ROUNDER = 0x1.8p52;
    private static final double[] PIO2 = splitHalfPi();
    private static final double PIO2_1 = PIO2[0];
    private static final double PIO2_2 = PIO2[1];
    private static final double PIO2_3 = PIO2[2];

    // Taylor coefficients (-1)^k / (2k+1)! and (-1)^k / (2k)!
    private static final double S1 = -1.0 / 6;
    private static final double S2 = 1.0 / 120;
    private static final double S3 = -1.0 / 5040;
    private static final double S4 = 1.0 / 362880;
    private static final double S5 = -1.0 / 39916800;
    private static final double S6 = 1.0 / 6227020800.0;
    private static final double S7 = -1.0 / 1307674368000.0;
    private static final double C1 = -1.0 / 2;
    private static final double C2 = 1.0 / 24;
    private static final double C3 = -1.0 / 720;
    private static final double C4 = 1.0 / 40320;
    private static final double C5 = -1.0 / 3628800;
    private static final double C6 = 1.0 / 479001600;
    private static final double C7 = -1.0 / 87178291200.0;
    private static final double C8 = 1.0 / 20922789888000.0;

    private FastTrig() {
    }

    /**
     * @param x angle (rad)
     * @return sin x, within about 1e-16 of the exact value for |x| &lt;= {@link #MAX_REDUCED_ARGUMENT}
     */
    public static double sin(double x) {
        if (!(Math.abs(x) <= MAX_REDUCED_ARGUMENT)) {
            return Math.sin(x);
        }
        double n = Math.rint(x * TWO_OVER_PI);
        double r = reduce(x, n);
        int q = (int) ((long) n & 3);
        double z = r * r;
        return switch (q) {
            case 0 -> sinPoly(r, z);
            case 1 -> cosPoly(z);
            case 2 -> -sinPoly(r, z);
            default -> -cosPoly(z);
        };
    }

    /**
     * @param x angle (rad)
     * @return cos x, within about 1e-16 of the exact value for |x| &lt;= {@link #MAX_REDUCED_ARGUMENT}
     */
    public static double cos(double x) {
        if (!(Math.abs(x) <= MAX_REDUCED_ARGUMENT)) {
            return Math.cos(x);
        }
        double n = Math.rint(x * TWO_OVER_PI);
        double r = reduce(x, n);
        int q = (int) ((long) n & 3);
        double z = r * r;
        return switch (q) {
            case 0 -> cosPoly(z);
            case 1 -> -sinPoly(r, z);
            case 2 -> -cosPoly(z);
            default -> sinPoly(r, z);
        };
    }

    /**
     * Cosines and sines of the first {@code count} angles, in three short passes (range
     * reduction; both polynomials; quadrant) whose bodies are plain floating-point arithmetic on
     * independent entries (the quadrant is applied by products with 0 and 1 and signs of +-1,
     * not by branches or bit operations), which the JIT compiles to vector instructions: in a
     * sweep this is several times faster than calling {@link #sin} and {@link #cos} per angle,
     * with the same values up to the sign of a zero. (Measured: one fused loop is 4x slower, the
     * earlier bit-operation quadrant 1.7x.) When an
     * argument exceeds {@link #MAX_REDUCED_ARGUMENT} the whole batch uses {@link Math}.
     *
     * @param x angles (rad); not modified
     * @param count how many entries to process (&lt;= the length of every array)
     * @param cos cos x_i; modified
     * @param sin sin x_i; modified
     * @param scratch working space of at least {@code count} entries; modified (contents
     *     unspecified)
     */
    public static void sinCos(double[] x, int count, double[] cos, double[] sin, double[] scratch) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(x[i]) > MAX_REDUCED_ARGUMENT) {
                for (int j = 0; j < count; j++) {
                    cos[j] = Math.cos(x[j]);
                    sin[j] = Math.sin(x[j]);
                }
                return;
            }
        }
        reducedSinCos(x, count, cos, sin, scratch);
    }

    /**
     * The three passes of {@link #sinCos} for arguments within {@link #MAX_REDUCED_ARGUMENT}; a
     * method of its own, which the JIT vectorises better (measured 2.5x) than the same loops after
     * the fallback in one method.
     */
    private static void reducedSinCos(double[] x, int count, double[] cos, double[] sin, double[] scratch) {
        final double p1 = PIO2_1;
        final double p2 = PIO2_2;
        final double p3 = PIO2_3;
        for (int i = 0; i < count; i++) {
            double xi = x[i];
            // n = round(x 2/pi): adding 1.5 * 2^52 rounds to an integer (|x 2/pi| < 2^51)
            double n = (xi * TWO_OVER_PI + ROUNDER) - ROUNDER;
            sin[i] = ((xi - n * p1) - n * p2) - n * p3; // as reduce(xi, n)
            scratch[i] = n;
        }
        for (int i = 0; i < count; i++) {
            double r = sin[i];
            double z = r * r;
            // sinPoly(r, z) and cosPoly(z), written out
            sin[i] = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * S7))))));
            cos[i] = 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * C8)))))));
        }
        for (int i = 0; i < count; i++) {
            double n = scratch[i];
            // q = n mod 4 by arithmetic only: f = floor(n/4) by rounding n/4 - 3/8 (never a tie)
            double f = ((n * 0.25 - 0.375) + ROUNDER) - ROUNDER;
            double q = n - 4 * f;
            double h = ((q * 0.5 - 0.25) + ROUNDER) - ROUNDER; // floor(q/2): 1 in quadrants 2 and 3
            double odd = q - 2 * h; // 1 in quadrants 1 and 3
            double s = sin[i];
            double c = cos[i];
            // odd quadrant: swap sin and cos (exactly: one of the products is 0); then negate sin in
            // quadrants 2, 3 and cos in quadrants 1, 2 (odd xor h)
            sin[i] = ((1 - odd) * s + odd * c) * (1 - 2 * h);
            cos[i] = ((1 - odd) * c + odd * s) * (1 - 2 * (odd + h - 2 * odd * h));
        }
    }

    /**
     * Cosines and sines of phases given in cycles, cos(2 pi t_i) and sin(2 pi t_i): the form in
     * which a distance enters a response, t = D / lambda, so that the range reduction is exact and
     * costs two additions. Method, in three short passes of plain arithmetic on independent
     * entries (vectorised by the JIT): f = t - round(t), exact, |f| &lt;= 1/2; x = f pi/2,
     * |x| &lt;= pi/4; the Taylor polynomials of {@link #sin} and {@link #cos} give cos x and
     * sin x (truncation errors below 5e-17); two angle doublings, cos 2y = (cos y - sin y)
     * (cos y + sin y) and sin 2y = 2 sin y cos y, give cos 4x = cos(2 pi f) and sin 4x. Absolute
     * error about 5e-16 (the doublings multiply the polynomials' error by 4), with no quadrant
     * logic: about a third fewer operations than {@link #sinCos}. Entries beyond
     * {@link #MAX_CYCLES} make the whole batch use {@link Math} on 2 pi (t - rint t).
     *
     * <p>Accuracy of the phase itself: t = D / lambda carries the rounding of one product,
     * |t| 2^-53 cycles, the same as k D in radians (k = 2 pi / lambda); at 1000 cycles that is
     * 1e-13 cycles, 7e-13 rad.
     *
     * @param t phases (cycles); not modified
     * @param count how many entries to process (&lt;= the length of every array)
     * @param cos cos(2 pi t_i); modified
     * @param sin sin(2 pi t_i); modified
     */
    public static void sinCosCycles(double[] t, int count, double[] cos, double[] sin) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(t[i]) > MAX_CYCLES) {
                for (int j = 0; j < count; j++) {
                    double a = 2 * Math.PI * (t[j] - Math.rint(t[j]));
                    cos[j] = Math.cos(a);
                    sin[j] = Math.sin(a);
                }
                return;
            }
        }
        reducedSinCosCycles(t, count, cos, sin);
    }

    /**
     * The complex exponentials re_i + j im_i = (scale / divisor_i) exp(-j 2 pi t_i): the response
     * of an antenna element with phase t_i (cycles) and amplitude scale / divisor_i (the spherical
     * amplitude lambda / (4 pi d_i) with scale = lambda / (4 pi) and the distances as divisors), or
     * scale exp(-j 2 pi t_i) when divisor is null. The values of {@link #sinCosCycles} scaled in
     * the pass of the second doubling (one pass less over the arrays). Entries beyond
     * {@link #MAX_CYCLES} make the whole batch use {@link Math}.
     *
     * @param t phases (cycles); not modified
     * @param count how many entries to process
     * @param scale the amplitude's numerator
     * @param divisor the amplitude's denominators, or null for the amplitude {@code scale}; not
     *     modified
     * @param re the real parts; modified
     * @param im the imaginary parts; modified
     */
    public static void expCycles(double[] t, int count, double scale, double[] divisor, double[] re, double[] im) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(t[i]) > MAX_CYCLES) {
                sinCosCycles(t, count, re, im);
                for (int j = 0; j < count; j++) {
                    double a = divisor == null ? scale : scale / divisor[j];
                    re[j] *= a;
                    im[j] *= -a;
                }
                return;
            }
        }
        reduceAndPolynomials(t, count, re, im);
        if (divisor == null) {
            double a = scale;
            for (int i = 0; i < count; i++) {
                double c = re[i];
                double s = im[i];
                double c2 = (c - s) * (c + s);
                double s2 = (s + s) * c;
                re[i] = a * ((c2 - s2) * (c2 + s2));
                im[i] = -a * ((s2 + s2) * c2);
            }
        } else {
            for (int i = 0; i < count; i++) {
                double c = re[i];
                double s = im[i];
                double c2 = (c - s) * (c + s);
                double s2 = (s + s) * c;
                double a = scale / divisor[i];
                re[i] = a * ((c2 - s2) * (c2 + s2));
                im[i] = -a * ((s2 + s2) * c2);
            }
        }
    }

    /** Largest |t| (cycles) that {@link #sinCosCycles} reduces by itself: 2^50. */
    public static final double MAX_CYCLES = 0x1p50;

    /** The three passes of {@link #sinCosCycles} (a method of its own, as {@link #reducedSinCos}). */
    private static void reducedSinCosCycles(double[] t, int count, double[] cos, double[] sin) {
        reduceAndPolynomials(t, count, cos, sin);
        for (int i = 0; i < count; i++) {
            double c = cos[i];
            double s = sin[i];
            double c2 = (c - s) * (c + s);
            double s2 = (s + s) * c;
            cos[i] = (c2 - s2) * (c2 + s2);
            sin[i] = (s2 + s2) * c2;
        }
    }

    /** The first two passes: x = (t - round t) pi/2, then cos x and sin x. */
    private static void reduceAndPolynomials(double[] t, int count, double[] cos, double[] sin) {
        final double quarterTurn = QUARTER_TURN;
        for (int i = 0; i < count; i++) {
            double ti = t[i];
            // round(t) by adding and removing 1.5 * 2^52 (|t| <= 2^50); t - round(t) is exact
            double n = (ti + ROUNDER) - ROUNDER;
            sin[i] = (ti - n) * quarterTurn;
        }
        for (int i = 0; i < count; i++) {
            double r = sin[i];
            double z = r * r;
            sin[i] = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * S7))))));
            cos[i] = 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * C8)))))));
        }
    }

    /** pi/2: a quarter turn in radians, x = f pi/2 for the fraction f of a cycle. */
    private static final double QUARTER_TURN = Math.PI / 2;

    /** r = x - n pi/2, exact in the first step (Sterbenz) and accurate to about 1e-16 overall. */
    private static double reduce(double x, double n) {
        return ((x - n * PIO2_1) - n * PIO2_2) - n * PIO2_3;
    }

    private static double sinPoly(double r, double z) {
        return r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * S7))))));
    }

    private static double cosPoly(double z) {
        return 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * C8)))))));
    }

    /**
     * Splits pi/2 into p1 + p2 + p3 where p1 and p2 carry 30 significant bits (so that n p1 and
     * n p2 are exact for |n| &lt; 2^23) and p3 the next 53 bits.
     */
    private static double[] splitHalfPi() {
        BigDecimal halfPi = new BigDecimal("1.57079632679489661923132169163975144209858469968755291048747229615390820314310449931401741267");
        double p1 = truncate(halfPi.doubleValue());
        BigDecimal rest = halfPi.subtract(new BigDecimal(p1), MathContext.DECIMAL128);
        double p2 = truncate(rest.doubleValue());
        double p3 = rest.subtract(new BigDecimal(p2), MathContext.DECIMAL128).doubleValue();
        return new double[] {p1, p2, p3};
    }

    /** Keeps the 30 leading significant bits of a double (clears the low 23 mantissa bits). */
    private static double truncate(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & ~((1L << 23) - 1));
    }
}
