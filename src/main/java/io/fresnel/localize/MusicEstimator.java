package io.fresnel.localize;

import io.fresnel.math.Vec3;
import io.fresnel.physics.ArrayResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 2-D near-field MUSIC position estimates: the pseudo-spectrum's 4K highest local maxima on the
 * (u, s) grid of a {@link SearchRegion}, each refined by a compass search (Kolda, Lewis, Torczon,
 * SIAM Review 2003) on f(u, s) = ||U_s^H a||^2 / ||a||^2 with the exact response (steps halved
 * from one grid cell down to {@link #RELATIVE_TOLERANCE} of it); the K best refined maxima are
 * the estimates. The grid's unit-norm responses are computed once, so one estimator serves every
 * trial of a Monte-Carlo run. Immutable and thread-safe.
 */
public final class MusicEstimator {
    /** The refinement stops when its steps are below this fraction of a grid cell. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** Upper bound on pseudo-spectrum evaluations per refined peak. */
    static final int MAX_EVALUATIONS = 600;
    /** Grid peaks refined per target; the best refined ones are the estimates. */
    static final int CANDIDATES_PER_TARGET = 4;

    private final SearchRegion region;
    private final ArrayResponse rx;
    /** Unit-norm responses of the grid points, point g's element i at [g * N + i]. */
    private final double[] gridRe;
    private final double[] gridIm;

    /**
     * @param region the search region
     * @param rx the receive-array response
     */
    public MusicEstimator(SearchRegion region, ArrayResponse rx) {
        this.region = region;
        this.rx = rx;
        int count = region.angles() * region.ranges();
        int n = rx.size();
        gridRe = new double[count * n];
        gridIm = new double[count * n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < region.angles(); i++) {
            for (int j = 0; j < region.ranges(); j++) {
                int g = i * region.ranges() + j;
                rx.evaluate(region.point(region.u(i), region.s(j)), false, re, im);
                double norm = 0;
                for (int e = 0; e < n; e++) {
                    norm += re[e] * re[e] + im[e] * im[e];
                }
                double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
                for (int e = 0; e < n; e++) {
                    gridRe[g * n + e] = scale * re[e];
                    gridIm[g * n + e] = scale * im[e];
                }
            }
        }
    }

    /** @return the search region */
    public SearchRegion region() {
        return region;
    }

    /**
     * @param spectrum the pseudo-spectrum of one echo
     * @return K position estimates (m), K = the spectrum's signal dimension, highest peak first
     */
    public List<Vec3> estimate(MusicSpectrum spectrum) {
        int nu = region.angles();
        int ns = region.ranges();
        double[] f = spectrum.signalFractions(gridRe, gridIm, nu * ns);
        List<Integer> peaks = new ArrayList<>();
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < ns; j++) {
                if (isLocalMaximum(f, i, j)) {
                    peaks.add(i * ns + j);
                }
            }
        }
        peaks.sort(Comparator.comparingDouble((Integer g) -> -f[g]));
        int k = spectrum.signalDimension();
        if (peaks.isEmpty()) {
            peaks.add(0);
        }
        // Grid values of neighbouring lobes (a ULA's grating lobes, spaced more than lambda/2)
        // differ by less than the grid's sampling loss, so the best few are refined and ranked.
        int candidates = Math.min(peaks.size(), CANDIDATES_PER_TARGET * k);
        List<double[]> refined = new ArrayList<>();
        for (int m = 0; m < candidates; m++) {
            int g = peaks.get(m);
            refined.add(refine(spectrum, region.u(g / ns), region.s(g % ns)));
        }
        refined.sort(Comparator.comparingDouble((double[] r) -> -r[2]));
        List<Vec3> out = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            double[] r = refined.get(Math.min(m, refined.size() - 1));
            out.add(region.point(r[0], r[1]));
        }
        return out;
    }

    private boolean isLocalMaximum(double[] f, int i, int j) {
        int ns = region.ranges();
        double v = f[i * ns + j];
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                int a = i + di;
                int b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && a < region.angles() && b >= 0 && b < ns) {
                    double w = f[a * ns + b];
                    // ties broken by index so that a plateau yields one peak
                    if (w > v || (w == v && a * ns + b < i * ns + j)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Compass search on f from a grid point, inside the region; returns {u, s, f}. */
    private double[] refine(MusicSpectrum spectrum, double u0, double s0) {
        double[] re = new double[rx.size()];
        double[] im = new double[rx.size()];
        double u = u0;
        double s = s0;
        double best = value(spectrum, u, s, re, im);
        double du = region.uStep();
        double ds = region.sStep();
        double stopU = du * RELATIVE_TOLERANCE;
        double stopS = ds * RELATIVE_TOLERANCE;
        int evaluations = 1;
        while ((du > stopU || ds > stopS) && evaluations < MAX_EVALUATIONS) {
            boolean moved = false;
            double[][] moves = {{du, 0}, {-du, 0}, {0, ds}, {0, -ds}};
            for (double[] mv : moves) {
                double cu = u + mv[0];
                double cs = s + mv[1];
                if (cu < -1 || cu > 1 || cs < region.inverseRangeMin() || cs > region.inverseRangeMax()) {
                    continue;
                }
                double v = value(spectrum, cu, cs, re, im);
                evaluations++;
                if (v > best) {
                    best = v;
                    u = cu;
                    s = cs;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                du /= 2;
                ds /= 2;
            }
        }
        return new double[] {u, s, best};
    }

    private double value(MusicSpectrum spectrum, double u, double s, double[] re, double[] im) {
        rx.evaluate(region.point(u, s), false, re, im);
        return spectrum.signalFraction(re, im);
    }
}
