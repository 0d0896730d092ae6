package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecoderTest {

    private static List<Complex> col(double... reIm) {
        Complex[] out = new Complex[reIm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Complex(reIm[2 * i], reIm[2 * i + 1]);
        }
        return List.of(out);
    }

    @Test
    void hybridPrecoderIsTheProductOfAnalogAndDigitalParts() {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        ComplexMatrix fa = ComplexMatrix.ofColumns(List.of(col(1, 0, 0, 1, -1, 0), col(c, s, 1, 0, 0, -1)));
        ComplexMatrix fd = ComplexMatrix.ofColumns(List.of(col(0.5, 0.1, -0.2, 0.3)));
        Precoder p = new Precoder(List.of(new Stream(StreamRole.SENSING, null)), null, fa, fd, null);
        ComplexMatrix eff = p.effective();
        assertEquals(3, eff.rows());
        assertEquals(1, eff.cols());
        // row 0: 1 * (0.5 + 0.1j) + (c + js)(-0.2 + 0.3j)
        assertEquals(0.5 + (-0.2 * c - 0.3 * s), eff.re(0, 0), 1e-15);
        assertEquals(0.1 + (0.3 * c - 0.2 * s), eff.im(0, 0), 1e-15);
        assertTrue(p.isHybrid());
    }

    @Test
    void streamsAndColumnsMustAgree() {
        ComplexMatrix one = ComplexMatrix.ofColumns(List.of(col(1, 0, 0, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Precoder(
                List.of(new Stream(StreamRole.SENSING, null), new Stream(StreamRole.SENSING, null)), one, null, null,
                null));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Precoder(List.of(new Stream(StreamRole.COMMON, null),
                new Stream(StreamRole.COMMON, null)), ComplexMatrix.ofColumns(List.of(col(1, 0), col(0, 1))), null,
                null, null));
        assertThrows(IllegalArgumentException.class, () -> new Stream(StreamRole.PRIVATE, null));
        assertThrows(IllegalArgumentException.class, () -> new Stream(StreamRole.SENSING, "u1"));
    }
}
