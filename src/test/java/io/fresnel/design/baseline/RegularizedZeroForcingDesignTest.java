package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class RegularizedZeroForcingDesignTest {

    private static Scenario withRegularization(String delta) {
        return DesignScenarios.scenario("exact", "unit", DesignScenarios.THREE_USERS, DesignScenarios.TWO_TARGETS,
                "\"solver\": {\"algorithm\": \"rzf\", \"regularization\": " + delta + "},");
    }

    @Test
    void itTendsToZeroForcingAsTheRegularizationVanishes() {
        ComplexMatrix zf = DesignScenarios.design("zf", DesignScenarios.threeUsers()).columns();
        double previous = Double.POSITIVE_INFINITY;
        for (String delta : new String[] {"1e-8", "1e-12", "1e-16"}) {
            double d = distance(DesignScenarios.design("rzf", withRegularization(delta)).columns(), zf);
            assertTrue(d < previous, delta + ": " + d);
            previous = d;
        }
        assertTrue(previous < 1e-8, "distance " + previous);
        assertTrue(distance(DesignScenarios.design("rzf", withRegularization("0")).columns(), zf) < 1e-12);
    }

    @Test
    void itsColumnsTendToTheMrtDirectionsAsTheRegularizationGrows() {
        ComplexMatrix mrt = DesignScenarios.design("mrt", DesignScenarios.threeUsers()).columns();
        ComplexMatrix rzf = DesignScenarios.design("rzf", withRegularization("1e6")).columns();
        for (int s = 0; s < 3; s++) {
            assertEquals(1, alignment(rzf, mrt, s), 1e-9, "stream " + s);
        }
    }

    @Test
    void theDefaultRegularizationIsTheMmseChoice() {
        // U mean(noise) / P = 3 * 1.5e-9 / 2
        ComplexMatrix explicit = DesignScenarios.design("rzf", withRegularization("2.25e-9")).columns();
        ComplexMatrix byDefault = DesignScenarios.design("rzf", DesignScenarios.threeUsers()).columns();
        assertTrue(distance(explicit, byDefault) < 1e-12);
    }

    @Test
    void aNegativeRegularizationIsRejected() {
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("rzf").run(withRegularization("-1"), DesignContext.none()));
        assertTrue(e.getMessage().contains("regularization"), e.getMessage());
    }

    /** ||a - b||_F / ||b||_F. */
    static double distance(ComplexMatrix a, ComplexMatrix b) {
        double d = 0;
        for (int c = 0; c < b.cols(); c++) {
            for (int r = 0; r < b.rows(); r++) {
                double dr = a.re(r, c) - b.re(r, c);
                double di = a.im(r, c) - b.im(r, c);
                d += dr * dr + di * di;
            }
        }
        return Math.sqrt(d / b.frobeniusNorm2());
    }

    /** |a_s^H b_s| / (||a_s|| ||b_s||): 1 when column s of a and b point the same way. */
    static double alignment(ComplexMatrix a, ComplexMatrix b, int s) {
        double re = 0;
        double im = 0;
        double na = 0;
        double nb = 0;
        for (int r = 0; r < a.rows(); r++) {
            Complex x = a.get(r, s);
            Complex y = b.get(r, s);
            re += x.re() * y.re() + x.im() * y.im();
            im += x.re() * y.im() - x.im() * y.re();
            na += x.abs2();
            nb += y.abs2();
        }
        return Math.hypot(re, im) / Math.sqrt(na * nb);
    }
}
