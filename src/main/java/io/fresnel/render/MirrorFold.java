package io.fresnel.render;

import io.fresnel.physics.ArrayResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs of transmit elements that are mirror images of each other in an axis-aligned plane, and
 * the precoder folded onto one element of each pair. For every point p of the plane x_a = c, the
 * elements t and t' with t'_a - c = -(t_a - c) and equal other coordinates are at the same
 * distance from p, so v_t(p) = v_t'(p) for every phase and amplitude model that depends on
 * |p - t| only (the exact model), and
 *
 * <pre>
 *   sum_n P_ns v_n(p) = sum_{kept n} (P_ns + P_n's) v_n(p).
 * </pre>
 *
 * A slice through the middle of a symmetric array (paper 004's y-z plane through the centre of a
 * UPA, eq. (50)) thus needs half the element responses. Elements are paired when their mirrored
 * coordinates agree to a few units in the last place, so that the distances, hence the phases
 * k |p - t| (up to about 3e3 rad), agree to about 1e-13 rad.
 */
final class MirrorFold {
    /** Fold only when it removes at least this fraction of the elements. */
    private static final double MIN_SAVING = 0.25;

    private final int axis;
    private final double offset;
    private final int[] kept;
    private final double[][] re;
    private final double[][] im;

    private MirrorFold(int axis, double offset, int[] kept, double[][] re, double[][] im) {
        this.axis = axis;
        this.offset = offset;
        this.kept = kept;
        this.re = re;
        this.im = im;
    }

    /**
     * @param tx the transmit array (exact phase model)
     * @param pRe precoder real parts [S][N]; not modified
     * @param pIm precoder imaginary parts [S][N]; not modified
     * @param axis 0, 1 or 2: the plane's normal axis
     * @param offset the plane's coordinate relative to the array's reference point, c - o_a (m)
     * @return the fold, or null when fewer than a quarter of the elements have a mirror partner
     */
    static MirrorFold of(ArrayResponse tx, double[][] pRe, double[][] pIm, int axis, double offset) {
        double[] a = tx.elementOffsets(axis);
        double[] b = tx.elementOffsets((axis + 1) % 3);
        double[] c = tx.elementOffsets((axis + 2) % 3);
        int n = a.length;
        double scale = Math.abs(offset);
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.max(Math.abs(b[i]), Math.abs(c[i]))));
        }
        double tol = 8 * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        // bucket the elements by their rounded in-plane coordinates and mirrored distance
        double cell = Math.max(1e6 * tol, 1e-12);
        Map<Key, Integer> open = new HashMap<>();
        int[] partner = new int[n];
        java.util.Arrays.fill(partner, -1);
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(a[i] - offset);
            Key key = new Key(Math.round(b[i] / cell), Math.round(c[i] / cell), Math.round(d / cell));
            Integer j = open.get(key);
            if (j != null && matches(a, b, c, i, j, offset, tol)) {
                partner[i] = j;
                partner[j] = i;
                open.remove(key);
                pairs++;
            } else if (j == null && a[i] - offset != 0) {
                open.put(key, i);
            }
        }
        if (pairs < MIN_SAVING * n) {
            return null;
        }
        int[] kept = new int[n - pairs];
        int streams = pRe.length;
        double[][] fr = new double[streams][n - pairs];
        double[][] fi = new double[streams][n - pairs];
        int r = 0;
        for (int i = 0; i < n; i++) {
            int j = partner[i];
            if (j >= 0 && j < i) {
                continue;
            }
            kept[r] = i;
            for (int s = 0; s < streams; s++) {
                fr[s][r] = j < 0 ? pRe[s][i] : pRe[s][i] + pRe[s][j];
                fi[s][r] = j < 0 ? pIm[s][i] : pIm[s][i] + pIm[s][j];
            }
            r++;
        }
        return new MirrorFold(axis, offset, kept, fr, fi);
    }

    private static boolean matches(double[] a, double[] b, double[] c, int i, int j, double offset, double tol) {
        return Math.abs((a[i] - offset) + (a[j] - offset)) <= tol && Math.abs(b[i] - b[j]) <= tol
                && Math.abs(c[i] - c[j]) <= tol;
    }

    private record Key(long b, long c, long d) {
    }

    /** @return true when this fold is for the plane x_axis = o_axis + offset */
    boolean isFor(int planeAxis, double planeOffset) {
        return axis == planeAxis && Double.compare(offset, planeOffset) == 0;
    }

    /** @return the indices of the elements kept (one per pair, and every unpaired element) */
    int[] kept() {
        return kept;
    }

    /** @return the folded precoder's real parts, [S][kept] */
    double[][] re() {
        return re;
    }

    /** @return the folded precoder's imaginary parts, [S][kept] */
    double[][] im() {
        return im;
    }
}
