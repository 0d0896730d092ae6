package io.fresnel.render;

import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Scenario;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Computes a {@link Field}: one layer of a scenario on a grid of points, each value equal to what
 * the engine ({@link io.fresnel.physics.ArrayResponse}, {@link io.fresnel.metrics.MetricsEvaluator})
 * reports for the corresponding configuration:
 * <ul>
 *   <li>{@link Layer.Beampattern}: v(p)^T R_X v(p)^* = ||P^T v(p)||^2 (W), the
 *       {@code illumination_w} of a target at p, with P the effective precoder;
 *   <li>{@link Layer.StreamPattern}: |p_i^T v(p)|^2 (W);
 *   <li>{@link Layer.Sinr}: the {@code sinr} (SDMA) or {@code private_sinr} (RSMA) user u would
 *       have at p with the default line-of-sight gain (no explicit channel, no scatterers) and its
 *       own noise (linear);
 *   <li>{@link Layer.Secrecy}: user u's {@code secrecy_rate_bps_hz} if eavesdropper e (default:
 *       the first eavesdropper, else the first eavesdropping target, else a hypothetical one with
 *       u's noise) stood at p with the default line-of-sight gain, everything else unchanged
 *       (bit/s/Hz);
 *   <li>{@link Layer.Peb}: target t's {@code peb_m} if it stood at p (its reflection unchanged,
 *       the other targets in place; in 3-D sqrt({@code crb_position_m2})) (m);
 *   <li>{@link Layer.Music}: the MUSIC pseudo-spectrum 1 / (1 - ||U_s^H a(p)||^2 / ||a(p)||^2) of
 *       one seeded echo of every target (linear, >= 1; {@link io.fresnel.localize.MusicSpectrum}).
 * </ul>
 * NaN marks points where the value is undefined: within 1e-9 m of an element, at range 0 where a
 * range is needed, or where the joint FIM is singular.
 *
 * <p>Performance: the array response is computed on the fly without allocation, with a fast
 * accurate sine and cosine; the pattern layers take a grid row at a time with the elements in
 * the outer loop and the points in vectorised inner loops, folding mirror-image elements on a
 * mirror plane of the array ({@link StreamPowers}, {@link MirrorFold}); rows run in parallel on
 * a fixed pool (one level of parallelism). Stateless and thread-safe.
 */
public final class FieldComputer {
    /** Most work of one map, in complex multiply-adds (points x elements x streams): about a minute. */
    public static final long MAX_WORK = 1L << 36;

    private FieldComputer() {
    }

    /**
     * @param s the scenario; not modified
     * @param layer the layer
     * @param grid the grid; a 2-D scenario only allows the plane z = 0
     * @param cancelled polled once per grid row; when it returns true the computation stops
     * @return the field
     * @throws IllegalArgumentException when the layer does not apply to the scenario (no
     *     precoder, unknown user, eavesdropper or target id, stream index out of range, a user
     *     without a private stream, a plane other than z = 0 in a 2-D scenario)
     * @throws ProblemTooLargeException when the joint FIM of a PEB layer would exceed its memory
     *     bound, or the map would need more than {@link #MAX_WORK} multiply-adds
     * @throws CancellationException when {@code cancelled} returned true (nothing is returned)
     * @throws InterruptedException when the calling thread is interrupted while waiting for the
     *     rows
     */
    public static Field compute(Scenario s, Layer layer, GridSpec grid, BooleanSupplier cancelled)
            throws InterruptedException {
        if (s == null || layer == null || grid == null || cancelled == null) {
            throw new IllegalArgumentException("scenario, layer, grid and cancellation flag are required");
        }
        Plane plane = grid.plane();
        if (s.dimension() == 2 && !Plane.Z0.equals(plane)) {
            throw new IllegalArgumentException("the plane " + plane + " leaves the plane z = 0 of this 2-D scenario"
                    + " (use --plane z=0)");
        }
        long points = (long) grid.nu() * grid.nv();
        long streams = s.precoder() == null ? 1 : s.precoder().streams().size();
        long work = points * s.txArray().positions().size() * Math.max(1, streams);
        if (work > MAX_WORK) {
            throw new ProblemTooLargeException(String.format(java.util.Locale.ROOT, "the %s map needs about %.1e"
                    + " multiply-adds (%d points x %d elements x %d streams), more than the limit %.1e; use a coarser"
                    + " grid", layer.key(), (double) work, points, s.txArray().positions().size(), streams,
                    (double) MAX_WORK));
        }
        PointKernel kernel = LayerKernels.of(s, layer);
        return new Field(grid, layer, RowSweep.run(grid, kernel, cancelled));
    }
}
