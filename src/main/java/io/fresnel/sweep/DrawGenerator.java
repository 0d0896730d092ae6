package io.fresnel.sweep;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Random node geometries ("channel realisations") of paper 000 section IV: "K = 4 legitimate
 * users and one target are randomly distributed within a distance range of [10, 20] meters and
 * an angular sector of [0, pi/2]". Range r and angle theta are drawn independently and
 * uniformly; a node sits at o + r (cos theta, sin theta, 0) with the polar convention of
 * SCENARIO.md section 1 (o the reference point, theta in the x-y plane from +x towards +y,
 * theta = 0 the broadside of an array on the y axis), which is the paper's
 * u_k = (r_k cos theta_k, r_k sin theta_k) for its array t_n = (0, n d).
 *
 * <p>Draw i uses its own {@link Random} seeded with {@link #drawSeed(long, int) drawSeed(seed, i)}
 * and draws the targets first, then the users, each node as (r, theta) in that order. So the
 * geometry of draw i does not depend on the x value, the scheme, the thread or the order of
 * evaluation (common random numbers), and user k of draw i is the same whatever the number of
 * users asked for (Fig. 3 uses the first K users). A position within
 * {@link Scenario#MIN_ELEMENT_DISTANCE_M} of an element is rejected and that node drawn again
 * (impossible in the paper's region, where the arrays span less than 1.3 m about o).
 *
 * <p>Immutable and thread-safe.
 */
public final class DrawGenerator {
    /** Smallest range of the paper's region (m). */
    public static final double RANGE_MIN_M = 10;
    /** Largest range of the paper's region (m). */
    public static final double RANGE_MAX_M = 20;
    /** Smallest angle of the paper's region (rad). */
    public static final double ANGLE_MIN_RAD = 0;
    /** Largest angle of the paper's region (rad). */
    public static final double ANGLE_MAX_RAD = Math.PI / 2;
    /** Attempts per node before the region is declared to lie on the array. */
    static final int MAX_ATTEMPTS = 1000;

    private final long seed;
    private final Vec3 originM;
    private final List<Vec3> elementsM;
    private final double rangeMinM;
    private final double rangeMaxM;
    private final double angleMinRad;
    private final double angleMaxRad;

    /**
     * A generator over the paper's region ([10, 20] m, [0, pi/2] rad).
     *
     * @param seed the sweep's seed
     * @param originM the reference point o (m)
     * @param elementsM every antenna element a node must keep away from (m; copied)
     */
    public DrawGenerator(long seed, Vec3 originM, List<Vec3> elementsM) {
        this(seed, originM, elementsM, RANGE_MIN_M, RANGE_MAX_M, ANGLE_MIN_RAD, ANGLE_MAX_RAD);
    }

    /**
     * A generator over another annular sector.
     *
     * @param seed the sweep's seed
     * @param originM the reference point o (m)
     * @param elementsM every antenna element a node must keep away from (m; copied)
     * @param rangeMinM smallest range (m, >= 0)
     * @param rangeMaxM largest range (m, >= rangeMinM)
     * @param angleMinRad smallest angle (rad)
     * @param angleMaxRad largest angle (rad, >= angleMinRad)
     * @throws IllegalArgumentException when the bounds are not finite and ordered
     */
    public DrawGenerator(long seed, Vec3 originM, List<Vec3> elementsM, double rangeMinM, double rangeMaxM,
            double angleMinRad, double angleMaxRad) {
        Objects.requireNonNull(originM, "originM");
        if (!originM.isFinite()) {
            throw new IllegalArgumentException("origin must be finite (got " + originM + ")");
        }
        if (!(rangeMinM >= 0 && rangeMaxM >= rangeMinM && Double.isFinite(rangeMaxM))) {
            throw new IllegalArgumentException("need 0 <= rangeMinM <= rangeMaxM < infinity (got " + rangeMinM + ", "
                    + rangeMaxM + ")");
        }
        if (!(Double.isFinite(angleMinRad) && Double.isFinite(angleMaxRad) && angleMaxRad >= angleMinRad)) {
            throw new IllegalArgumentException("need finite angleMinRad <= angleMaxRad (got " + angleMinRad + ", "
                    + angleMaxRad + ")");
        }
        this.seed = seed;
        this.originM = originM;
        this.elementsM = List.copyOf(elementsM);
        this.rangeMinM = rangeMinM;
        this.rangeMaxM = rangeMaxM;
        this.angleMinRad = angleMinRad;
        this.angleMaxRad = angleMaxRad;
    }

    /**
     * The seed of draw i's {@link Random}: the SplitMix64 finaliser (Steele, Lea, Flood,
     * OOPSLA 2014) of {@code seed + (i + 1) * 0x9E3779B97F4A7C15}, so that neighbouring seeds and
     * draw indices give unrelated streams.
     *
     * @param seed the sweep's seed
     * @param draw the draw index (>= 0)
     * @return the seed of that draw
     */
    public static long drawSeed(long seed, int draw) {
        long z = seed + (draw + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Draws one geometry.
     *
     * @param index the draw index i (>= 0)
     * @param targets how many target positions (>= 0)
     * @param users how many user positions (>= 0)
     * @return the positions (m)
     * @throws IllegalArgumentException when a count or the index is negative
     * @throws IllegalStateException when no position away from the elements was found in
     *     {@link #MAX_ATTEMPTS} attempts (the region lies on the array)
     */
    public Draw draw(int index, int targets, int users) {
        if (index < 0 || targets < 0 || users < 0) {
            throw new IllegalArgumentException("index and counts must be >= 0 (got " + index + ", " + targets + ", "
                    + users + ")");
        }
        Random rng = new Random(drawSeed(seed, index));
        List<Vec3> t = new ArrayList<>(targets);
        for (int k = 0; k < targets; k++) {
            t.add(next(rng));
        }
        List<Vec3> u = new ArrayList<>(users);
        for (int k = 0; k < users; k++) {
            u.add(next(rng));
        }
        return new Draw(index, t, u);
    }

    private Vec3 next(Random rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double r = rangeMinM + (rangeMaxM - rangeMinM) * rng.nextDouble();
            double theta = angleMinRad + (angleMaxRad - angleMinRad) * rng.nextDouble();
            Vec3 p = originM.plus(new Vec3(r * Math.cos(theta), r * Math.sin(theta), 0));
            if (awayFromElements(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no position of the region r in [" + rangeMinM + ", " + rangeMaxM
                + "] m, theta in [" + angleMinRad + ", " + angleMaxRad + "] rad keeps "
                + Scenario.MIN_ELEMENT_DISTANCE_M + " m away from the antenna elements");
    }

    private boolean awayFromElements(Vec3 p) {
        for (Vec3 e : elementsM) {
            if (p.distance(e) < Scenario.MIN_ELEMENT_DISTANCE_M) {
                return false;
            }
        }
        return true;
    }
}
