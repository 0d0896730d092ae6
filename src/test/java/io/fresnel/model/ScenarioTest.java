package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copy helpers of {@link Scenario} (the constructor's rules are tested through the reader). */
class ScenarioTest {
    private final Scenario lecture = withMrt(Presets.defaultScenario());

    private static Scenario withMrt(Scenario s) {
        try {
            return s.withPrecoder(Designs.byName("mrt").run(s, DesignContext.none()).precoder());
        } catch (io.fresnel.design.DesignException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withSolverReplacesOnlyTheSolverBlock() {
        SolverSpec spec = new SolverSpec("zf", Map.of("regularization", 0.5));
        Scenario s = lecture.withSolver(spec);
        assertEquals(spec, s.solver());
        assertEquals(lecture.precoder(), s.precoder());
        assertEquals(lecture.users(), s.users());
        assertNull(lecture.withSolver(null).solver());
    }

    @Test
    void withTxArrayDropsThePrecoderAndValidates() {
        UniformLinearArray ula = (UniformLinearArray) lecture.txArray();
        Scenario s = lecture.withTxArray(ula.withElements(16));
        assertEquals(16, s.txArray().size());
        assertNull(s.precoder());
        assertNotNull(lecture.precoder());
        Vec3 user = lecture.users().get(0).positionM();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lecture.withTxArray(new ExplicitArray(List.of(user))));
        assertTrue(e.getMessage().contains("element"), e.getMessage());
    }

    @Test
    void withPropagationKeepsTheRest() {
        Propagation p = new Propagation(PhaseModel.EXACT, AmplitudeModel.SPHERICAL, new Vec3(0, 0, 0));
        Scenario s = lecture.withPropagation(p);
        assertEquals(p, s.propagation());
        assertEquals(lecture.precoder(), s.precoder());
        assertEquals(lecture.targets(), s.targets());
    }

    @Test
    void withUsersAndTargetsDropsThePrecoderAndChecksIds() {
        CommNode u = lecture.users().get(0);
        Scenario s = lecture.withUsersAndTargets(List.of(u), List.of());
        assertEquals(List.of(u), s.users());
        assertTrue(s.targets().isEmpty());
        assertNull(s.precoder());
        assertEquals(lecture.eavesdroppers(), s.eavesdroppers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lecture.withUsersAndTargets(List.of(u, u), List.of()));
        assertTrue(e.getMessage().contains("already used"), e.getMessage());
    }
}
