package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignScenarios;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class FarFieldSteeringDesignTest {

    @Test
    void itEqualsMrtWhenThePropagationIsFarFieldWithUnitAmplitude() {
        Scenario sc = DesignScenarios.scenario("far-field", "unit", DesignScenarios.THREE_USERS,
                DesignScenarios.TWO_TARGETS, "");
        ComplexMatrix steering = DesignScenarios.design("far-field-steering", sc).columns();
        ComplexMatrix mrt = DesignScenarios.design("mrt", sc).columns();
        assertTrue(RegularizedZeroForcingDesignTest.distance(steering, mrt) < 1e-12);
    }

    @Test
    void itEqualsMrtOnTargetsWhenThereAreNoUsers() {
        Scenario sc = DesignScenarios.scenario("far-field", "unit", "", DesignScenarios.TWO_TARGETS, "");
        ComplexMatrix steering = DesignScenarios.design("far-field-steering", sc).columns();
        ComplexMatrix mrt = DesignScenarios.design("mrt", sc).columns();
        assertTrue(RegularizedZeroForcingDesignTest.distance(steering, mrt) < 1e-12);
    }

    @Test
    void itMissesTheNearFieldFocusOfMrt() {
        // a user close to the array: the planar-wavefront beam is not matched to its spherical wavefront
        Scenario sc = DesignScenarios.scenario("exact", "unit",
                "{\"id\": \"u1\", \"position_m\": [0.3, 0.1, 0], \"noise_w\": 1e-9}", "", "");
        ComplexMatrix steering = DesignScenarios.design("far-field-steering", sc).columns();
        ComplexMatrix mrt = DesignScenarios.design("mrt", sc).columns();
        assertTrue(RegularizedZeroForcingDesignTest.alignment(steering, mrt, 0) < 0.99);
    }
}
