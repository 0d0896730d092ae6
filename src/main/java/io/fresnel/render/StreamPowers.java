package io.fresnel.render;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.PointBlock;
import java.util.Arrays;

/**
 * The hot loop of every heatmap: the power each precoder column radiates towards a point,
 * pw_s(p) = |p_s^T v(p)|^2 (W), with v_n(p) = A_n exp(-j 2 pi D_n(p) / lambda) computed on the fly
 * ({@link ArrayResponse#cyclesAndDistance}: the phase in cycles and the distance;
 * {@link ArrayResponse#response}: A exp(-j 2 pi t) by {@link io.fresnel.math.FastTrig#expCycles}, reduced exactly)
 * and without allocation.
 *
 * <p>Two loop orders give the same sums (up to the order of the additions):
 * {@link #powers(double, double, double, double[])} takes one point, all elements inside;
 * {@link #powers(double[], double[], double[], int, int, double[][], double[])} takes a block
 * of points and runs the elements outside, the points inside, so that every inner loop (distance,
 * phase, amplitude, sine and cosine, multiply-add into S accumulators) works on independent
 * points and compiles to vector instructions: v(p) is computed once per point and element and
 * shared by all S streams. Heatmap rows use the block form.
 *
 * <p>One instance per thread: it owns scratch arrays that every call overwrites. The precoder
 * arrays are shared read-only between instances.
 */
final class StreamPowers {
    private final ArrayResponse tx;
    private final double[][] pRe;
    private final double[][] pIm;
    private final double[] phase;
    private final double[] dist;
    private final double[] cos;
    private final double[] sin;
    private Block block;
    /** All element indices 0 .. N-1: the sweep's element list when nothing is folded. */
    private final int[] allElements;
    /** The last mirror fold built (or null), reused while the points stay on its plane. */
    private MirrorFold fold;
    private int noFoldAxis = -1;
    private double noFoldOffset;
    /** The half-turns about the coordinate axes through o that map the array onto itself, by axis. */
    private HalfTurn[] turns;
    /** Per half-turn axis (built on first use): its orbits and {sigma re, sigma im, delta re, delta im}. */
    private final int[][][] orbits = new int[3][][];
    private final double[][][][] turned = new double[3][][][];
    /** Scratch of the paired form: partners, the order of the points swept and their coordinates. */
    private int[] partner = new int[0];
    private int[] order = new int[0];
    private double[] gx = new double[0];
    private double[] gy = new double[0];
    private double[] gz = new double[0];

    /**
     * @param tx the transmit-array response (N elements)
     * @param columns the precoder columns' real parts, [S][N]; shared, not modified
     * @param columnsIm the imaginary parts, [S][N]; shared, not modified
     */
    StreamPowers(ArrayResponse tx, double[][] columns, double[][] columnsIm) {
        this.tx = tx;
        this.pRe = columns;
        this.pIm = columnsIm;
        int n = tx.size();
        phase = new double[n];
        dist = new double[n];
        cos = new double[n];
        sin = new double[n];
        allElements = new int[n];
        for (int i = 0; i < n; i++) {
            allElements[i] = i;
        }
    }

    /**
     * Splits an N x S precoder into per-column arrays.
     *
     * @param p the precoder; not modified
     * @param first first column to keep
     * @param count number of columns to keep
     * @return {re[count][N], im[count][N]}
     */
    static double[][][] columns(ComplexMatrix p, int first, int count) {
        int n = p.rows();
        double[][] re = new double[count][n];
        double[][] im = new double[count][n];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < n; i++) {
                re[s][i] = p.re(i, first + s);
                im[s][i] = p.im(i, first + s);
            }
        }
        return new double[][][] {re, im};
    }

    /** @return the number of streams S */
    int streams() {
        return pRe.length;
    }

    /**
     * Largest block of points swept at once: a chunk of heatmap rows ({@link RowSweep#CHUNK_POINTS})
     * is one block (short blocks waste the vector loops' start-up and tails), and its scratch
     * (2 S + 5 arrays of 8 kB: 136 kB for 6 streams) stays in the L2 cache.
     */
    static final int BLOCK = 1024;

    /** Scratch of the block form, allocated on first use. */
    private static final class Block {
        final PointBlock points = new PointBlock(BLOCK);
        final double[] phase = new double[BLOCK];
        final double[] dist = new double[BLOCK];
        final double[] re = new double[BLOCK];
        final double[] im = new double[BLOCK];
        final double[] re2 = new double[BLOCK];
        final double[] im2 = new double[BLOCK];
        final double[] nearest = new double[BLOCK];
        final double[][] accRe;
        final double[][] accIm;

        /** @param streams accumulators: S, or 2 S for the paired form (the images' sums after the points') */
        Block(int streams) {
            accRe = new double[streams][BLOCK];
            accIm = new double[streams][BLOCK];
        }
    }

    /**
     * Computes pw_s(p_i) for every column s and every point of a run of points: the elements in
     * the outer loop, the points in the inner loops (blocks of {@link #BLOCK}).
     *
     * @param xs x of the points (m); not modified
     * @param ys y of the points (m); not modified
     * @param zs z of the points (m); not modified
     * @param from index of the first point
     * @param count number of points
     * @param out pw_s(p_i) (W) at out[s][from + i]; modified
     * @param nearest the distance from p_i to the nearest transmit element (m) at nearest[from + i];
     *     modified
     */
    void powers(double[] xs, double[] ys, double[] zs, int from, int count, double[][] out, double[] nearest) {
        if (pairedPowers(xs, ys, zs, from, count, out, nearest)) {
            return;
        }
        int streams = pRe.length;
        if (block == null) {
            block = new Block(2 * streams);
        }
        Block b = block;
        int size = evenBlock(count);
        for (int start = 0; start < count; start += size) {
            int m = Math.min(size, count - start);
            int at = from + start;
            b.points.set(tx.reference(), xs, ys, zs, at, m);
            Arrays.fill(b.nearest, 0, m, Double.POSITIVE_INFINITY);
            for (int s = 0; s < streams; s++) {
                Arrays.fill(b.accRe[s], 0, m, 0.0);
                Arrays.fill(b.accIm[s], 0, m, 0.0);
            }
            MirrorFold f = foldFor(xs, ys, zs, at, m);
            if (f == null) {
                sweep(b, m, allElements, pRe, pIm);
            } else {
                sweep(b, m, f.kept(), f.re(), f.im());
            }
            System.arraycopy(b.nearest, 0, nearest, at, m);
            for (int s = 0; s < streams; s++) {
                double[] re = b.accRe[s];
                double[] im = b.accIm[s];
                double[] o = out[s];
                for (int i = 0; i < m; i++) {
                    o[at + i] = re[i] * re[i] + im[i] * im[i];
                }
            }
        }
    }

    /**
     * @param count points of a run (&gt;= 0)
     * @return the size of the blocks that split it evenly, at most {@link #BLOCK} (1 for none)
     */
    private static int evenBlock(int count) {
        int blocks = Math.max(1, (count + BLOCK - 1) / BLOCK);
        return Math.max(1, (count + blocks - 1) / blocks);
    }

    /**
     * The paired form ({@link HalfTurn}): when no {@link MirrorFold} applies and a half-turn of the
     * array pairs at least a quarter of the points of the run with their images, the responses
     * are computed at one point of each pair (and at the unpaired points) only; the image's sums
     * use the precoder with permuted rows, in S more accumulators over the paired points.
     *
     * @return false (and nothing written) when the run is not paired
     */
    private boolean pairedPowers(double[] xs, double[] ys, double[] zs, int from, int count, double[][] out,
            double[] nearest) {
        if (count < 2 || tx.size() < 2 || foldFor(xs, ys, zs, from, Math.min(count, BLOCK)) != null) {
            return false;
        }
        if (turns == null) {
            turns = new HalfTurn[3];
            for (int axis = 0; axis < 3; axis++) {
                turns[axis] = HalfTurn.of(tx, axis);
            }
        }
        if (partner.length < count) {
            partner = new int[count];
            order = new int[count];
            gx = new double[count];
            gy = new double[count];
            gz = new double[count];
        }
        var o = tx.reference();
        HalfTurn turn = null;
        int pairs = 0;
        for (HalfTurn t : turns) {
            if (t != null) {
                pairs = t.pair(o.x(), o.y(), o.z(), xs, ys, zs, from, count, partner);
                if (pairs >= count / 4) {
                    turn = t;
                    break;
                }
            }
        }
        if (turn == null) {
            return false;
        }
        int axis = turn.axis();
        if (turned[axis] == null) {
            int[][] orb = turn.orbits();
            orbits[axis] = orb;
            turned[axis] = new double[][][] {HalfTurn.folded(pRe, orb, true), HalfTurn.folded(pIm, orb, true),
                HalfTurn.folded(pRe, orb, false), HalfTurn.folded(pIm, orb, false)};
        }
        // the swept points: one of each pair first, then the unpaired points
        int firsts = 0;
        for (int i = 0; i < count; i++) {
            if (partner[i] > i) {
                order[firsts++] = i;
            }
        }
        int k = firsts;
        for (int i = 0; i < count; i++) {
            if (partner[i] < 0) {
                order[k++] = i;
            }
        }
        for (int g = 0; g < k; g++) {
            gx[g] = xs[from + order[g]];
            gy[g] = ys[from + order[g]];
            gz[g] = zs[from + order[g]];
        }
        int streams = pRe.length;
        if (block == null) {
            block = new Block(2 * streams);
        }
        Block b = block;
        int size = evenBlock(k);
        for (int start = 0; start < k; start += size) {
            int m = Math.min(size, k - start);
            int paired = Math.max(0, Math.min(m, firsts - start));
            b.points.set(o, gx, gy, gz, start, m);
            Arrays.fill(b.nearest, 0, m, Double.POSITIVE_INFINITY);
            for (int s = 0; s < 2 * streams; s++) {
                Arrays.fill(b.accRe[s], 0, m, 0.0);
                Arrays.fill(b.accIm[s], 0, m, 0.0);
            }
            orbitSweep(b, m, orbits[axis], turned[axis]);
            for (int i = 0; i < m; i++) {
                int at = from + order[start + i];
                nearest[at] = b.nearest[i];
                for (int s = 0; s < streams; s++) {
                    // sum_n P_n v_n(p) = (X + Y) / 2
                    double re = 0.5 * (b.accRe[s][i] + b.accRe[streams + s][i]);
                    double im = 0.5 * (b.accIm[s][i] + b.accIm[streams + s][i]);
                    out[s][at] = re * re + im * im;
                }
                if (i < paired) {
                    // the image: sum_n P_n v_n(g p) = (X - Y) / 2; the same distances, hence the same
                    // nearest element distance
                    int image = from + partner[order[start + i]];
                    nearest[image] = b.nearest[i];
                    for (int s = 0; s < streams; s++) {
                        double re = 0.5 * (b.accRe[s][i] - b.accRe[streams + s][i]);
                        double im = 0.5 * (b.accIm[s][i] - b.accIm[streams + s][i]);
                        out[s][image] = re * re + im * im;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Accumulates a_s(p_i) = sum_n P_ns v_n(p_i) over all elements n for the m points of the
     * block, v_n = A_n (cos 2 pi t_n - j sin 2 pi t_n): per element, its response at the m points
     * (phase in cycles and distance; reduction; polynomials; doublings and amplitude: four short
     * loops), then one pass
     * per stream over the points. (Short loop bodies, one stream per pass, two output arrays per
     * loop: this vectorises. C2 unrolls, hence vectorises, only loops whose body stays under
     * its unrolling limit: two streams or two elements per pass were measured 2.5x slower, and two
     * elements per pass, vectorised by raising the limit (-XX:LoopUnrollLimit=250), no faster.)
     */
    private void sweep(Block b, int m, int[] elements, double[][] cRe, double[][] cIm) {
        int n = elements.length;
        int streams = cRe.length;
        double[] ph = b.phase;
        double[] dist = b.dist;
        double[] vr = b.re;
        double[] vi = b.im;
        for (int e = 0; e < n; e++) {
            tx.elementCyclesAndDistance(elements[e], b.points, ph, dist, b.nearest);
            tx.response(ph, dist, m, vr, vi);
            for (int s = 0; s < streams; s++) {
                accumulate(cRe[s][e], cIm[s][e], vr, vi, b.accRe[s], b.accIm[s], m);
            }
        }
    }

    /**
     * The sweep of the paired form ({@link HalfTurn#folded}): per orbit {n, pi(n)} of the
     * elements, the responses of both at the m points, alpha = v_n + v_pi(n) and
     * beta = v_n - v_pi(n) in place, then X_s += sigma_s alpha in accumulators 0 .. S-1 and
     * Y_s += delta_s beta in S .. 2S-1 (an element on the axis: X_s += 2 P_n v_n only).
     *
     * @param folded {sigma re, sigma im, delta re, delta im}, each [S][orbits]
     */
    private void orbitSweep(Block b, int m, int[][] orbit, double[][][] folded) {
        int k = orbit[0].length;
        int streams = pRe.length;
        double[] ph = b.phase;
        double[] dist = b.dist;
        double[] vr = b.re;
        double[] vi = b.im;
        double[] wr = b.re2;
        double[] wi = b.im2;
        for (int o = 0; o < k; o++) {
            tx.elementCyclesAndDistance(orbit[0][o], b.points, ph, dist, b.nearest);
            tx.response(ph, dist, m, vr, vi);
            int second = orbit[1][o];
            if (second >= 0) {
                tx.elementCyclesAndDistance(second, b.points, ph, dist, b.nearest);
                tx.response(ph, dist, m, wr, wi);
                HalfTurn.sumAndDifference(vr, wr, m);
                HalfTurn.sumAndDifference(vi, wi, m);
            }
            for (int s = 0; s < streams; s++) {
                accumulate(folded[0][s][o], folded[1][s][o], vr, vi, b.accRe[s], b.accIm[s], m);
            }
            for (int s = 0; s < streams && second >= 0; s++) {
                accumulate(folded[2][s][o], folded[3][s][o], wr, wi, b.accRe[streams + s], b.accIm[streams + s], m);
            }
        }
    }

    /** acc_i += (pr + j pi) v_i for the first m points. */
    private static void accumulate(double pr, double pi, double[] vr, double[] vi, double[] ar, double[] ai, int m) {
        for (int i = 0; i < m; i++) {
            double x = vr[i];
            double y = vi[i];
            ar[i] += pr * x - pi * y;
            ai[i] += pr * y + pi * x;
        }
    }

    /**
     * The mirror fold for the axis-aligned plane that holds every point of the block, when there
     * is one and it removes enough elements ({@link MirrorFold}); with the Fresnel and far-field
     * models only for a plane through the reference point (where those phases depend on the
     * distance to the plane's mirror pairs alike too).
     */
    private MirrorFold foldFor(double[] xs, double[] ys, double[] zs, int from, int m) {
        double[][] coords = {xs, ys, zs};
        double[] ref = {tx.reference().x(), tx.reference().y(), tx.reference().z()};
        for (int axis = 0; axis < 3; axis++) {
            double[] c = coords[axis];
            double first = c[from];
            boolean flat = true;
            for (int i = from + 1; i < from + m && flat; i++) {
                flat = Double.compare(c[i], first) == 0;
            }
            if (!flat) {
                continue;
            }
            double offset = first - ref[axis];
            if (tx.phaseModel() != io.fresnel.model.PhaseModel.EXACT && offset != 0) {
                continue;
            }
            if (fold != null && fold.isFor(axis, offset)) {
                return fold;
            }
            if (axis == noFoldAxis && Double.compare(offset, noFoldOffset) == 0) {
                continue;
            }
            MirrorFold f = MirrorFold.of(tx, pRe, pIm, axis, offset);
            if (f != null) {
                fold = f;
                return f;
            }
            noFoldAxis = axis;
            noFoldOffset = offset;
        }
        return null;
    }

    /**
     * Computes pw_s(p) for every column s.
     *
     * @param x x of p (m)
     * @param y y of p (m)
     * @param z z of p (m)
     * @param out pw_s (W), length S; modified
     * @return the distance from p to the nearest transmit element (m)
     */
    double powers(double x, double y, double z, double[] out) {
        int n = phase.length;
        double nearest = tx.cyclesAndDistance(x, y, z, phase, dist);
        tx.response(phase, dist, n, cos, sin); // v, in place of cos / sin
        int s = 0;
        int streams = pRe.length;
        for (; s + 1 < streams; s += 2) {
            pair(s, out);
        }
        if (s < streams) {
            single(s, out);
        }
        return nearest;
    }

    /** Two columns in one pass over the elements, two elements per step (eight partial sums). */
    private void pair(int s, double[] out) {
        double[] ar = pRe[s];
        double[] ai = pIm[s];
        double[] br = pRe[s + 1];
        double[] bi = pIm[s + 1];
        double[] vr = cos;
        double[] vi = sin;
        int n = vr.length;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        double c0 = 0;
        double c1 = 0;
        double d0 = 0;
        double d1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double x = vr[i];
            double y = vi[i];
            double x2 = vr[i + 1];
            double y2 = vi[i + 1];
            a0 += ar[i] * x - ai[i] * y;
            a1 += ar[i] * y + ai[i] * x;
            b0 += br[i] * x - bi[i] * y;
            b1 += br[i] * y + bi[i] * x;
            c0 += ar[i + 1] * x2 - ai[i + 1] * y2;
            c1 += ar[i + 1] * y2 + ai[i + 1] * x2;
            d0 += br[i + 1] * x2 - bi[i + 1] * y2;
            d1 += br[i + 1] * y2 + bi[i + 1] * x2;
        }
        if (i < n) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
            b0 += br[i] * vr[i] - bi[i] * vi[i];
            b1 += br[i] * vi[i] + bi[i] * vr[i];
        }
        double wa = a0 + c0;
        double wb = a1 + c1;
        double wc = b0 + d0;
        double wd = b1 + d1;
        out[s] = wa * wa + wb * wb;
        out[s + 1] = wc * wc + wd * wd;
    }

    /** One column, two elements per step (four partial sums). */
    private void single(int s, double[] out) {
        double[] ar = pRe[s];
        double[] ai = pIm[s];
        double[] vr = cos;
        double[] vi = sin;
        int n = vr.length;
        double a0 = 0;
        double a1 = 0;
        double c0 = 0;
        double c1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
            c0 += ar[i + 1] * vr[i + 1] - ai[i + 1] * vi[i + 1];
            c1 += ar[i + 1] * vi[i + 1] + ai[i + 1] * vr[i + 1];
        }
        if (i < n) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
        }
        double wr = a0 + c0;
        double wi = a1 + c1;
        out[s] = wr * wr + wi * wi;
    }
}
