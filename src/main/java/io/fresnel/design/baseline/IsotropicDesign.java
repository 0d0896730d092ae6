package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Envelope;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code isotropic}: the sensing-only covariance R_X = (P/N) I_N, realised as P = sqrt(P/N) I_N
 * with N {@code sensing} streams. Every point p is illuminated with v(p)^T R_X v(p)^* =
 * (P/N) ||v(p)||^2 (W); users see only interference.
 */
public final class IsotropicDesign extends ClosedFormDesign {

    @Override
    public String name() {
        return "isotropic";
    }

    @Override
    public String description() {
        return "Isotropic: R_X = P/N I, equal power in every direction (sensing only)";
    }

    @Override
    protected Precoder design(ScenarioPhysics physics) throws DesignException {
        Scenario sc = physics.scenario();
        double power = DesignInputs.transmitPowerW(sc, name());
        int n = physics.transmit().size();
        // N streams of N entries: the precoder's entry limit (2^22, N <= 2048) is reached before the stream limit
        if ((long) n * n > Envelope.MAX_PRECODER_ENTRIES) {
            throw new DesignException(name() + ": " + n + " antennas need a " + n + " x " + n + " precoder, more"
                    + " than the limit of " + Envelope.MAX_PRECODER_ENTRIES + " entries");
        }
        double a = Math.sqrt(power / n);
        double[] re = new double[n * n];
        for (int i = 0; i < n; i++) {
            re[i * n + i] = a;
        }
        List<Stream> streams = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            streams.add(new Stream(StreamRole.SENSING, null));
        }
        return new Precoder(streams, ComplexMatrix.ofColumnMajor(n, n, re, new double[n * n]),
                null, null, null);
    }
}
