package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * crb-min-sdr on the badly scaled scenarios of the solver contract suite (issue 16), end to end: the
 * design must end {@code optimal} (a certificate at the design's own tolerances), its precoder must
 * meet the SINR requirement and the power budget when re-evaluated by the metric code, and the SDP
 * optimum must equal cvxopt's (at its default tolerances, 1e-6 relative) on the same program
 * (references: src/bench/python/cone_contract_references.py on the dumped programs
 * src/test/resources/io/fresnel/optim/badly_scaled_crb_sdr_*.json, which are these scenarios' programs).
 */
class BadlyScaledSdrDesignTest {

    private static Scenario scenario(String name) throws Exception {
        Path f = Path.of(BadlyScaledSdrDesignTest.class.getResource("/io/fresnel/optim/scenarios/" + name).toURI());
        return ScenarioReader.readScenario(f).withPrecoder(null);
    }

    private static void check(String name, double cvxoptObjective) throws Exception {
        Scenario sc = scenario(name);
        Metrics m = CrbMinSdrDesignTest.runAndCheck("crb-min-sdr", sc);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        CrbMinProgram program = new CrbMinProgram(SdrModel.of(ph, SdrModel.Span.CRB), sc.transmitPowerW(),
                SdrDesign.sinrRequirements(sc.users()));
        SdrSolution s = program.solve(() -> false);
        assertEquals(DesignStatus.OPTIMAL, s.status(), s.note());
        double reference = program.objectiveSi(cvxoptObjective);
        assertEquals(reference, s.objective(), 1e-6 * reference, name + " SDP optimum vs cvxopt");
        // the rank-one reconstruction keeps the SDP's sum CRB (paper 004 Prop. 2)
        assertEquals(s.objective(), m.system().crbPositionSumM2(), 1e-6 * s.objective(), name + " metric objective");
        System.out.printf("%s: %s, SDP %.12g m^2 (cvxopt %.12g), metrics %.12g m^2%n", name, s.note(), s.objective(),
                reference, m.system().crbPositionSumM2());
    }

    /**
     * 3-D, 4 x 4 UPAs (bistatic), one target, one user requiring 18.5 bit/s/Hz (SINR 3.7e5, 90 % of
     * what MRT at full power gives). cvxopt: optimal in 27 iterations. This ended iteration-limit with
     * the solver's gap 1e-9.
     */
    @Test
    void highSinrRequirementOnSmallUpasEndsOptimal() throws Exception {
        check("upa4_sinr3.7e5.scenario.json", 1.57626192468);
    }

    /** 2-D ULA of 8, the user behind 100 dB of path loss requiring SINR 1e5. cvxopt: optimal in 25 iterations. */
    @Test
    void pathLossOf100DbWithSinr1e5EndsOptimal() throws Exception {
        check("ula8_pathloss100db.scenario.json", 0.653880433392);
    }
}
