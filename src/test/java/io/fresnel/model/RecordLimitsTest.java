package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The limits of the model records, each checked on both sides: a value exactly at a documented
 * limit is accepted and the next one beyond it is rejected with a message naming the field
 * (found by mutation testing: the limits were only checked far from their edge).
 */
class RecordLimitsTest {
    private static final Vec3 P = new Vec3(3, 1, 0);

    private static void rejected(String fragment, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(fragment), x.getMessage());
    }

    /** The smallest double above v. */
    private static double above(double v) {
        return Math.nextUp(v);
    }

    @Test
    void gainsAreBoundedAtMaxGainInclusive() {
        Complex atLimit = new Complex(Envelope.MAX_GAIN, 0);
        Complex beyond = new Complex(above(Envelope.MAX_GAIN), 0);
        assertDoesNotThrow(() -> new Link(atLimit, null, null));
        rejected("gain must have magnitude <=", () -> new Link(beyond, null, null));
        assertDoesNotThrow(() -> new Link(null, List.of(atLimit), null));
        rejected("channel[1] must have magnitude", () -> new Link(null, List.of(Complex.ONE, beyond), null));
        rejected("channel must not be empty", () -> new Link(null, List.of(), null));
        assertDoesNotThrow(() -> new Scatterer(P, atLimit));
        rejected("gain must have magnitude", () -> new Scatterer(P, beyond));
        assertDoesNotThrow(() -> new Target("t", P, atLimit, false, null, null, null));
        rejected("reflection must have magnitude", () -> new Target("t", P, beyond, false, null, null, null));
        ArrayGeometry ula = new UniformLinearArray(2, 0.01, Axis.X, new Vec3(0, 0, 0), null);
        assertDoesNotThrow(() -> new SensingEavesdropper("s", ula, atLimit, 1e-9, 1, "t"));
        rejected("reflection must have magnitude", () -> new SensingEavesdropper("s", ula, beyond, 1e-9, 1, "t"));
    }

    @Test
    void envelopeRangesIncludeBothEnds() {
        assertEquals(1.0, Envelope.inRange("f", 1.0, 1.0, 2.0));
        assertEquals(2.0, Envelope.inRange("f", 2.0, 1.0, 2.0));
        rejected("f must be in [1.0, 2.0]", () -> Envelope.inRange("f", above(2.0), 1.0, 2.0));
        rejected("f must be in", () -> Envelope.inRange("f", Math.nextDown(1.0), 1.0, 2.0));
        rejected("f must be in", () -> Envelope.inRange("f", Double.NaN, 1.0, 2.0));
        assertDoesNotThrow(() -> Envelope.magnitude("g", 3.0, 3.0));
        rejected("g must have magnitude <= 3.0", () -> Envelope.magnitude("g", above(3.0), 3.0));
        rejected("g must have magnitude", () -> Envelope.magnitude("g", Double.NaN, 3.0));
    }

    @Test
    void checksReturnTheirArgumentAndRejectTheEdge() {
        assertEquals(2.5, Checks.finite("x", 2.5));
        assertEquals(2.5, Checks.positive("x", 2.5));
        assertEquals(2.5, Checks.nonNegative("x", 2.5));
        assertEquals(0.0, Checks.nonNegative("x", 0.0));
        rejected("x must be > 0 (got 0.0)", () -> Checks.positive("x", 0.0));
        rejected("x must be >= 0", () -> Checks.nonNegative("x", -Double.MIN_VALUE));
        assertEquals("abc", Checks.id("id", "abc"));
        rejected("id must not be empty", () -> Checks.id("id", " "));
        Vec3 v = new Vec3(1, 2, 3);
        assertEquals(v, Checks.finite("p", v));
        Complex c = new Complex(1, -1);
        assertEquals(c, Checks.finite("c", c));
        double m = Checks.MAX_COORDINATE_M;
        for (Vec3 edge : List.of(new Vec3(m, 0, 0), new Vec3(0, -m, 0), new Vec3(0, 0, m))) {
            assertEquals(edge, Checks.finite("p", edge));
        }
        for (Vec3 out : List.of(new Vec3(above(m), 0, 0), new Vec3(0, -above(m), 0), new Vec3(0, 0, above(m)))) {
            rejected("p must have coordinates within", () -> Checks.finite("p", out));
        }
    }

    @Test
    void arrayExtentIsMeasuredFromTheOriginAlongTheLongestSide() {
        double min = Scenario.MIN_ELEMENT_DISTANCE_M;
        assertDoesNotThrow(() -> Checks.arrayExtent("spacing_m", min, 1, new Vec3(0, 0, 0)));
        rejected("spacing_m must be >=", () -> Checks.arrayExtent("spacing_m", Math.nextDown(min), 1, new Vec3(0, 0, 0)));
        // anchor 4e6 m out plus 3 gaps of 2e6 m reaches exactly 1e7 m: allowed; one more metre is not
        assertDoesNotThrow(() -> Checks.arrayExtent("spacing_m", 2e6, 3, new Vec3(0, -4e6, 0)));
        rejected("reaches 1.0000001E7 m", () -> Checks.arrayExtent("spacing_m", 2e6, 3, new Vec3(0, -4e6 - 1, 0)));
        rejected("beyond the coordinate limit", () -> Checks.arrayExtent("spacing_m", 2e6 + 1, 3, new Vec3(0, 0, 4e6)));
        // the same rule through the generators: N - 1 gaps from the anchor
        assertDoesNotThrow(() -> new UniformLinearArray(4, 2e6, Axis.X, null, new Vec3(4e6, 0, 0)));
        rejected("spacing_m: the array reaches", () -> new UniformLinearArray(5, 2e6, Axis.X, null, new Vec3(4e6, 0, 0)));
        assertDoesNotThrow(() -> new UniformPlanarArray(4, 2, 2e6, new Vec3(4e6, 0, 0)));
        rejected("spacing_m: the array reaches", () -> new UniformPlanarArray(2, 5, 2e6, new Vec3(4e6, 0, 0)));
    }

    @Test
    void elementCountsAreBoundedOnBothSides() {
        int max = ArrayGeometry.MAX_ELEMENTS;
        assertEquals(1, new UniformLinearArray(1, 0.01, Axis.Y, new Vec3(0, 0, 0), null).positions().size());
        rejected("elements must be >= 1 (got 0)", () -> new UniformLinearArray(0, 0.01, Axis.Y, new Vec3(0, 0, 0), null));
        assertEquals(max, new UniformLinearArray(max, 1e-3, Axis.Y, new Vec3(0, 0, 0), null).elements());
        rejected("elements must be <= 65536", () -> new UniformLinearArray(max + 1, 1e-3, Axis.Y, new Vec3(0, 0, 0), null));
        assertEquals(1, new UniformPlanarArray(1, 1, 0.01, new Vec3(0, 0, 0)).positions().size());
        rejected("elements_x must be >= 1", () -> new UniformPlanarArray(0, 1, 0.01, new Vec3(0, 0, 0)));
        rejected("elements_y must be >= 1", () -> new UniformPlanarArray(1, 0, 0.01, new Vec3(0, 0, 0)));
        assertEquals(max, new UniformPlanarArray(256, 256, 1e-3, new Vec3(0, 0, 0)).elementsX() * 256);
        rejected("(got 65792)", () -> new UniformPlanarArray(256, 257, 1e-3, new Vec3(0, 0, 0)));
        // the product in long: 65536 x 65536 overflows an int to 0
        rejected("(got 4294967296)", () -> new UniformPlanarArray(65_536, 65_536, 1e-3, new Vec3(0, 0, 0)));
        List<Vec3> many = new ArrayList<>(Collections.nCopies(max, new Vec3(0, 0, 0)));
        assertEquals(max, new ExplicitArray(many).positions().size());
        many.add(new Vec3(0, 0, 0));
        rejected("positions_m lists 65537 elements", () -> new ExplicitArray(many));
        rejected("positions_m[1] must have finite", () -> new ExplicitArray(List.of(P, new Vec3(Double.NaN, 0, 0))));
    }

    @Test
    void planarPositionsAndCentroidFollowTheGenerator() {
        // 2 x 3 UPA centred at (1, 2, 3), d = 0.5: x in {0.75, 1.25}, y in {1.5, 2, 2.5}
        List<Vec3> p = new UniformPlanarArray(2, 3, 0.5, new Vec3(1, 2, 3)).positions();
        assertEquals(List.of(new Vec3(0.75, 1.5, 3), new Vec3(0.75, 2, 3), new Vec3(0.75, 2.5, 3),
                new Vec3(1.25, 1.5, 3), new Vec3(1.25, 2, 3), new Vec3(1.25, 2.5, 3)), p);
        // the centroid of three explicit points is their mean, coordinate by coordinate
        ExplicitArray e = new ExplicitArray(List.of(new Vec3(1, 2, 3), new Vec3(4, -5, 6), new Vec3(1, 0, -3)));
        assertEquals(new Vec3(2, -1, 2), e.centroid());
    }

    @Test
    void snapshotsAndNoiseAreBoundedOnBothSides() {
        int max = Envelope.MAX_SNAPSHOTS;
        assertEquals(1, new Sensing(1, 1e-9).snapshots());
        rejected("snapshots must be >= 1 (got 0)", () -> new Sensing(0, 1e-9));
        assertEquals(max, new Sensing(max, 1e-9).snapshots());
        rejected("snapshots must be <=", () -> new Sensing(max + 1, 1e-9));
        ArrayGeometry ula = new UniformLinearArray(2, 0.01, Axis.X, new Vec3(0, 0, 0), null);
        assertEquals(max, new SensingEavesdropper("s", ula, Complex.ONE, 1e-9, max, "t").snapshots());
        assertEquals(1, new SensingEavesdropper("s", ula, Complex.ONE, 1e-9, 1, "t").snapshots());
        rejected("snapshots must be <=", () -> new SensingEavesdropper("s", ula, Complex.ONE, 1e-9, max + 1, "t"));
        rejected("snapshots must be >= 1", () -> new SensingEavesdropper("s", ula, Complex.ONE, 1e-9, 0, "t"));
        rejected("target must not be empty", () -> new SensingEavesdropper("s", ula, Complex.ONE, 1e-9, 1, ""));
        assertEquals(Envelope.MIN_NOISE_W, new Sensing(1, Envelope.MIN_NOISE_W).noiseW());
        rejected("noise_w must be in", () -> new Sensing(1, Math.nextDown(Envelope.MIN_NOISE_W)));
    }

    @Test
    void architectureNeedsAtLeastOneRfChain() {
        assertEquals(1, new Architecture(ArchitectureKind.HYBRID_FULL, 1).rfChains());
        rejected("rf_chains must be >= 1 (got 0)", () -> new Architecture(ArchitectureKind.HYBRID_FULL, 0));
        rejected("rf_chains is required", () -> new Architecture(ArchitectureKind.HYBRID_PARTIAL, null));
    }

    @Test
    void priorCandidatesAreBoundedAndMustSumToOne() {
        int max = AnglePrior.MAX_CANDIDATES;
        List<Double> angles = new ArrayList<>();
        List<Double> probs = new ArrayList<>();
        for (int k = 0; k < max; k++) {
            angles.add(k * 1e-4);
            probs.add(1.0 / max);
        }
        assertEquals(max, new AnglePrior(angles, probs, 0.01, 5).anglesRad().size());
        angles.add(1.0);
        probs.add(0.0);
        rejected("angles_rad lists more than 4096", () -> new AnglePrior(angles, probs, 0.01, 5));
        // a sum 0.9e-6 from 1 is inside the tolerance 1e-6; 2e-6 on either side is not
        assertDoesNotThrow(() -> new AnglePrior(List.of(0.1, 0.2), List.of(0.5, 0.5 - 0.9e-6), 0.01, 5));
        rejected("probabilities must sum to 1", () -> new AnglePrior(List.of(0.1, 0.2), List.of(0.5, 0.5 - 2e-6), 0.01, 5));
        rejected("probabilities must sum to 1", () -> new AnglePrior(List.of(0.1, 0.2), List.of(0.5, 0.5 + 2e-6), 0.01, 5));
    }

    private static ComplexMatrix column(double... re) {
        List<Complex> c = new ArrayList<>();
        for (double r : re) {
            c.add(new Complex(r, 0));
        }
        return ComplexMatrix.ofColumns(List.of(c));
    }

    @Test
    void precoderEntriesAreBoundedInColumnsAndInBothHybridFactors() {
        List<Stream> one = List.of(new Stream(StreamRole.SENSING, null));
        double max = Envelope.MAX_PRECODER_ENTRY;
        assertDoesNotThrow(() -> new Precoder(one, column(1, max), null, null, null));
        rejected("columns[0][1] must have magnitude", () -> new Precoder(one, column(1, above(max)), null, null, null));
        ComplexMatrix fa = column(1, 1);
        assertDoesNotThrow(() -> new Precoder(one, null, fa, column(max), null));
        rejected("F_D[0][0] must have magnitude", () -> new Precoder(one, null, fa, column(above(max)), null));
        rejected("F_A[0][1] must have magnitude", () -> new Precoder(one, null, column(1, above(max)), column(1), null));
    }

    @Test
    void precoderEntriesAreBoundedByTheirComplexMagnitude() {
        // the bound is on |re + j im|: an entry over it by its imaginary part alone, or by neither part alone, is
        // refused (the check's fast path adds the squares of both parts)
        List<Stream> one = List.of(new Stream(StreamRole.SENSING, null));
        double max = Envelope.MAX_PRECODER_ENTRY;
        ComplexMatrix imaginary = ComplexMatrix.ofColumnMajor(2, 1, new double[] {1, 0}, new double[] {0, above(max)});
        rejected("columns[0][1] must have magnitude", () -> new Precoder(one, imaginary, null, null, null));
        double part = 0.8 * max; // |part (1 + j)| = 1.13 max
        ComplexMatrix both = ComplexMatrix.ofColumnMajor(1, 1, new double[] {part}, new double[] {part});
        rejected("columns[0][0] must have magnitude", () -> new Precoder(one, both, null, null, null));
        double inside = 0.7 * max; // |inside (1 + j)| = 0.99 max
        ComplexMatrix fine = ComplexMatrix.ofColumnMajor(1, 1, new double[] {inside}, new double[] {inside});
        assertDoesNotThrow(() -> new Precoder(one, fine, null, null, null));
    }

    @Test
    void precoderStreamCountAndSharesAreBounded() {
        int max = Precoder.MAX_STREAMS;
        List<Stream> streams = new ArrayList<>(Collections.nCopies(max, new Stream(StreamRole.SENSING, null)));
        double[] re = new double[max];
        ComplexMatrix cols = ComplexMatrix.ofColumnMajor(1, max, re, new double[max]);
        assertEquals(max, new Precoder(streams, cols, null, null, null).streams().size());
        streams.add(new Stream(StreamRole.SENSING, null));
        ComplexMatrix more = ComplexMatrix.ofColumnMajor(1, max + 1, new double[max + 1], new double[max + 1]);
        rejected("streams lists more than 4096", () -> new Precoder(streams, more, null, null, null));
        // the number of entries rows x streams is limited to 2^22: 1024 rows x 4096 streams is the limit
        int rows = (int) (Envelope.MAX_PRECODER_ENTRIES / max);
        ComplexMatrix big = ComplexMatrix.ofColumnMajor(rows, max, new double[rows * max], new double[rows * max]);
        List<Stream> full = Collections.nCopies(max, new Stream(StreamRole.SENSING, null));
        assertEquals(rows, new Precoder(full, big, null, null, null).columns().rows());
        ComplexMatrix bigger = ComplexMatrix.ofColumnMajor(rows + 1, max, new double[(rows + 1) * max],
                new double[(rows + 1) * max]);
        rejected("more than the limit 4194304", () -> new Precoder(full, bigger, null, null, null));
        List<Stream> rsma = List.of(new Stream(StreamRole.COMMON, null), new Stream(StreamRole.PRIVATE, "u1"));
        ComplexMatrix two = ComplexMatrix.ofColumnMajor(1, 2, new double[] {1, 1}, new double[2]);
        assertDoesNotThrow(() -> new Precoder(rsma, two, null, null, Map.of("u1", 1.0)));
        rejected("must sum to at most 1", () -> new Precoder(rsma, two, null, null, Map.of("u1", 1.0 + 1e-11)));
    }

    @Test
    void streamIndicesFindTheRightStream() {
        List<Stream> streams = List.of(new Stream(StreamRole.SENSING, null), new Stream(StreamRole.PRIVATE, "u1"),
                new Stream(StreamRole.COMMON, null), new Stream(StreamRole.PRIVATE, "u2"));
        ComplexMatrix cols = ComplexMatrix.ofColumnMajor(1, 4, new double[] {1, 1, 1, 1}, new double[4]);
        Precoder p = new Precoder(streams, cols, null, null, null);
        assertEquals(2, p.commonIndex());
        assertEquals(1, p.privateIndex("u1"));
        assertEquals(3, p.privateIndex("u2"));
        assertEquals(-1, p.privateIndex("u3"));
        Precoder noCommon = new Precoder(List.of(new Stream(StreamRole.SENSING, null)), column(1), null, null, null);
        assertEquals(-1, noCommon.commonIndex());
    }
}
