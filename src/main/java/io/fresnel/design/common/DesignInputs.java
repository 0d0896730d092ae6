package io.fresnel.design.common;

import io.fresnel.design.DesignException;
import io.fresnel.model.CommNode;
import io.fresnel.model.Envelope;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/** The scenario quantities the designs read, checked and turned into {@link DesignException}s. */
public final class DesignInputs {
    private DesignInputs() {
    }

    /**
     * @param scenario the scenario
     * @param algorithm the design's name, for the message
     * @return the power budget P = {@code transmit_power_w} (W, > 0)
     * @throws DesignException when the scenario has no power budget
     */
    public static double transmitPowerW(Scenario scenario, String algorithm) throws DesignException {
        if (scenario.transmitPowerW() == null) {
            throw new DesignException(algorithm + ": the scenario has no transmit_power_w to design for");
        }
        return scenario.transmitPowerW();
    }

    /**
     * @param scenario the scenario
     * @param algorithm the design's name, for the message
     * @return its users (at least one)
     * @throws DesignException when it has none
     */
    public static List<CommNode> users(Scenario scenario, String algorithm) throws DesignException {
        if (scenario.users().isEmpty()) {
            throw new DesignException(algorithm + ": the scenario has no users to serve");
        }
        if (scenario.users().size() > Precoder.MAX_STREAMS) {
            throw new DesignException(algorithm + ": " + scenario.users().size() + " users need more streams than the"
                    + " limit " + Precoder.MAX_STREAMS);
        }
        long entries = (long) scenario.txArray().positions().size() * scenario.users().size();
        if (entries > Envelope.MAX_PRECODER_ENTRIES) {
            throw new DesignException(algorithm + ": a precoder for " + scenario.users().size() + " users on "
                    + scenario.txArray().positions().size() + " elements has " + entries
                    + " entries, more than the limit " + Envelope.MAX_PRECODER_ENTRIES);
        }
        return scenario.users();
    }

    /**
     * The channel matrix C (U x N) whose row u is user u's channel row c_u
     * ({@link ScenarioPhysics#channelRow(CommNode)}; user u receives (C x)_u).
     *
     * @param physics the scenario's physics
     * @param users the users, in stream order
     * @return C
     */
    public static ZMatrixRMaj channelMatrix(ScenarioPhysics physics, List<CommNode> users) {
        List<double[][]> rows = new ArrayList<>(users.size());
        for (CommNode u : users) {
            rows.add(physics.channelRow(u));
        }
        return ZMatrices.ofRows(rows);
    }

    /** @return one {@code private} stream per user, in the users' order */
    public static List<Stream> privateStreams(List<CommNode> users) {
        List<Stream> streams = new ArrayList<>(users.size());
        for (CommNode u : users) {
            streams.add(new Stream(StreamRole.PRIVATE, u.id()));
        }
        return streams;
    }
}
