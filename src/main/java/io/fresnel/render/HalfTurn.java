package io.fresnel.render;

import io.fresnel.physics.ArrayResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * A half-turn g about the line through the transmit array's reference point o along a coordinate
 * axis a that maps the array onto itself, g(t_n) = t_{pi(n)} for a permutation pi of the elements
 * (in coordinates relative to o: (s_a, s_b, s_c) -> (s_a, -s_b, -s_c); a centred UPA and its
 * normal, for example). g is an isometry that fixes o, so every phase and amplitude model, which
 * depend on |p - t_n|, |p - o| and (p - o).(t_n - o) only, gives v_n(g p) = v_{pi(n)}(p), and
 *
 * <pre>
 *   sum_n P_ns v_n(g p) = sum_n P_{pi(n) s} v_n(p):
 * </pre>
 *
 * the field at g p follows from the element responses at p with the precoder's rows permuted.
 * Over the orbits {n, pi(n)} of the elements this is one sum and one difference
 * ({@link #folded}): X = sum (P_n + P_pi(n)) (v_n + v_pi(n)), Y = sum (P_n - P_pi(n))
 * (v_n - v_pi(n)), and the sums at p and g p are (X + Y) / 2 and (X - Y) / 2.
 * A slice plane that contains the axis (the broadside plane through the centre of a planar
 * array, spanned by its normal and a direction across it) is mapped onto itself, (u, v) -> (-u, v)
 * in its coordinates, so on a grid whose u-range is symmetric about the axis every point has its
 * image on the grid and half of the element responses suffice ({@link SlicePlanes#extent} gives
 * such planes a symmetric range). For a pair of points the element responses (distance, phase,
 * sine, cosine, amplitude) are computed once, at p, and the multiply-adds are halved: X and Y
 * run over N/2 orbits each, instead of N elements for p and N more for g p.
 *
 * <p>Elements, and points, are paired when their coordinates agree to a few units in the last
 * place of the largest coordinate involved, so that the distances, hence the phases (up to about
 * 3e3 rad), agree to about 1e-13 rad.
 */
final class HalfTurn {
    private final int axis;
    private final int[] perm;
    private final double tol;

    private HalfTurn(int axis, int[] perm, double tol) {
        this.axis = axis;
        this.perm = perm;
        this.tol = tol;
    }

    /**
     * @param tx the transmit array
     * @param axis 0, 1 or 2: the axis of the half-turn (through the reference point)
     * @return the half-turn, or null when it does not map every element onto an element
     */
    static HalfTurn of(ArrayResponse tx, int axis) {
        double[] a = tx.elementOffsets(axis);
        double[] b = tx.elementOffsets((axis + 1) % 3);
        double[] c = tx.elementOffsets((axis + 2) % 3);
        int n = a.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.max(Math.abs(b[i]), Math.abs(c[i]))));
        }
        double tol = 8 * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        double cell = Math.max(1e6 * tol, 1e-12);
        Map<Key, Integer> byPosition = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byPosition.putIfAbsent(new Key(Math.round(a[i] / cell), Math.round(b[i] / cell), Math.round(c[i] / cell)), i);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            Integer j = byPosition.get(new Key(Math.round(a[i] / cell), Math.round(-b[i] / cell),
                    Math.round(-c[i] / cell)));
            if (j == null || Math.abs(a[i] - a[j]) > tol || Math.abs(b[i] + b[j]) > tol
                    || Math.abs(c[i] + c[j]) > tol) {
                return null;
            }
            perm[i] = j;
        }
        // a permutation: the image of distinct elements must be distinct
        boolean[] hit = new boolean[n];
        for (int j : perm) {
            if (hit[j]) {
                return null;
            }
            hit[j] = true;
        }
        return new HalfTurn(axis, perm, tol);
    }

    /** @return the axis of the half-turn: 0, 1 or 2 */
    int axis() {
        return axis;
    }

    /**
     * @return the orbits of the elements under the half-turn: {first[k], second[k]}, one entry
     *     per pair {n, pi(n)} (first &lt; second) and per element on the axis (second = -1)
     */
    int[][] orbits() {
        int n = perm.length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (perm[i] >= i) {
                count++;
            }
        }
        int[] first = new int[count];
        int[] second = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (perm[i] >= i) {
                first[k] = i;
                second[k] = perm[i] == i ? -1 : perm[i];
                k++;
            }
        }
        return new int[][] {first, second};
    }

    /**
     * The precoder rows summed and subtracted over each orbit: sigma = P_n + P_pi(n) and
     * delta = P_n - P_pi(n) (2 P_n and 0 for an element on the axis), so that with
     * alpha = v_n + v_pi(n) and beta = v_n - v_pi(n) (v_n alone for an element on the axis)
     * X = sum sigma alpha and Y = sum delta beta give the sums at p and at its image:
     * sum_n P_n v_n(p) = (X + Y) / 2 and sum_n P_n v_n(g p) = (X - Y) / 2.
     *
     * @param columns precoder columns [S][N]; not modified
     * @param orbits {@link #orbits()}
     * @param sum true for sigma, false for delta
     * @return [S][orbits]
     */
    static double[][] folded(double[][] columns, int[][] orbits, boolean sum) {
        int k = orbits[0].length;
        double[][] out = new double[columns.length][k];
        for (int s = 0; s < columns.length; s++) {
            for (int o = 0; o < k; o++) {
                double a = columns[s][orbits[0][o]];
                int j = orbits[1][o];
                if (j < 0) {
                    out[s][o] = sum ? 2 * a : 0;
                } else {
                    out[s][o] = sum ? a + columns[s][j] : a - columns[s][j];
                }
            }
        }
        return out;
    }

    /** (a_i, b_i) -> (a_i + b_i, a_i - b_i) for the first m entries: alpha and beta of {@link #folded}. */
    static void sumAndDifference(double[] a, double[] b, int m) {
        for (int i = 0; i < m; i++) {
            double x = a[i];
            double y = b[i];
            a[i] = x + y;
            b[i] = x - y;
        }
    }

    /**
     * Pairs the points of a run with their images: partner[i] = j (and partner[j] = i) when
     * q_j = g(q_i), q = p - o, to a few units in the last place; -1 for points without an image
     * in the run and for points on the axis (their own image). Only a run whose bounding box
     * is symmetric about the axis is paired (whole rows of a grid centred on the axis); any
     * other gets no pairs, found in one pass without allocation.
     *
     * @param ox x of the reference point o (m)
     * @param oy y of o (m)
     * @param oz z of o (m)
     * @param xs x of the points (m); not modified
     * @param ys y of the points (m); not modified
     * @param zs z of the points (m); not modified
     * @param from index of the first point
     * @param m number of points
     * @param partner the partner's index relative to {@code from}, or -1, at partner[i]; modified
     * @return the number of pairs
     */
    int pair(double ox, double oy, double oz, double[] xs, double[] ys, double[] zs, int from, int m, int[] partner) {
        double[][] p = {xs, ys, zs};
        double[] o = {ox, oy, oz};
        double[] ca = p[axis];
        double[] cb = p[(axis + 1) % 3];
        double[] cc = p[(axis + 2) % 3];
        double oa = o[axis];
        double ob = o[(axis + 1) % 3];
        double oc = o[(axis + 2) % 3];
        double scale = Math.max(Math.abs(oa), Math.max(Math.abs(ob), Math.abs(oc)));
        for (int i = from; i < from + m; i++) {
            scale = Math.max(scale, Math.max(Math.abs(ca[i]), Math.max(Math.abs(cb[i]), Math.abs(cc[i]))));
        }
        double eps = 8 * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        java.util.Arrays.fill(partner, 0, m, -1);
        // a cheap test first, without allocation: a run that is its own image (whole symmetric
        // rows) has a bounding box symmetric about the axis; runs that are not are left unpaired
        double bLo = Double.POSITIVE_INFINITY;
        double bHi = Double.NEGATIVE_INFINITY;
        double cLo = Double.POSITIVE_INFINITY;
        double cHi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + m; i++) {
            double b = cb[i] - ob;
            double c = cc[i] - oc;
            bLo = Math.min(bLo, b);
            bHi = Math.max(bHi, b);
            cLo = Math.min(cLo, c);
            cHi = Math.max(cHi, c);
        }
        if (!(Math.abs(bLo + bHi) <= 2 * eps && Math.abs(cLo + cHi) <= 2 * eps)) {
            return 0;
        }
        double cell = Math.max(1e6 * eps, 1e-12);
        Map<Key, Integer> open = new HashMap<>();
        int pairs = 0;
        for (int i = 0; i < m; i++) {
            double a = ca[from + i] - oa;
            double b = cb[from + i] - ob;
            double c = cc[from + i] - oc;
            if (Math.abs(b) <= eps && Math.abs(c) <= eps) {
                continue; // on the axis: its own image
            }
            // the key of {q, g q} is that of whichever has the larger (b, c) in lexicographic order
            boolean upper = b > eps || (Math.abs(b) <= eps && c > 0);
            double kb = upper ? b : -b;
            double kc = upper ? c : -c;
            Key key = new Key(Math.round(a / cell), Math.round(kb / cell), Math.round(kc / cell));
            Integer j = open.get(key);
            if (j != null && Math.abs(a - (ca[from + j] - oa)) <= eps && Math.abs(b + (cb[from + j] - ob)) <= eps
                    && Math.abs(c + (cc[from + j] - oc)) <= eps) {
                partner[i] = j;
                partner[j] = i;
                open.remove(key);
                pairs++;
            } else if (j == null) {
                open.put(key, i);
            }
        }
        return pairs;
    }

    private record Key(long a, long b, long c) {
    }
}
