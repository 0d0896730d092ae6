package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.GoldenFiles;
import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/** A node's angle from broadside, as the property sheet and the beam-cut charts show it. */
class BroadsideAngleTest {

    @Test
    void aboveAPlanarArrayTheAngleIsFromItsNormalAndZeroOnItsAxis() {
        Scenario s = Presets.byFile("paper-004-elaa-crb-min-sdr.json");
        // t1 on the UPA's axis: the polar angle in z = 0 used to print -177.95 degrees there
        BroadsideAngle t1 = BroadsideAngle.of(s, s.targets().get(0).positionM());
        assertEquals(0.0, t1.thetaRad(), 0.0, "exactly 0, not rounding noise about the centroid");
        assertEquals(new Vec3(0, 0, 1), t1.zero());
        Vec3 p = s.targets().get(1).positionM(); // (0, D_z / 8, D_z / 3)
        BroadsideAngle t2 = BroadsideAngle.of(s, p);
        assertEquals(Math.atan2(p.y(), p.z()), t2.thetaRad(), 1e-12);
        assertEquals(1, t2.ninety().y(), 1e-12);
        // the angle and range of the frame give the node back
        Vec3 back = s.referencePoint().plus(t2.zero().times(p.distance(s.referencePoint()) * Math.cos(t2.thetaRad())))
                .plus(t2.ninety().times(p.distance(s.referencePoint()) * Math.sin(t2.thetaRad())));
        assertEquals(0, back.distance(p), 1e-12);
    }

    @Test
    void besideALineArrayTheAngleIsFromBroadsideTowardsItsAxis() throws Exception {
        Scenario s = ScenarioReader.read(GoldenFiles.goldenDir().resolve("public/p3d_rsma_ula_upa.scenario.json"))
                .scenario(); // a ULA along x about the origin
        Vec3 u = s.users().get(0).positionM(); // (0.3, 0.4, 1.0)
        Vec3 d = u.minus(s.referencePoint());
        assertEquals(Math.atan2(d.x(), Math.hypot(d.y(), d.z())), BroadsideAngle.of(s, u).thetaRad(), 1e-12);
    }

    @Test
    void inTwoDimensionsItIsThePolarAngleAboutTheReferencePoint() {
        Scenario s = Presets.defaultScenario();
        Vec3 p = s.users().get(0).positionM();
        Vec3 o = s.referencePoint();
        assertEquals(Math.atan2(p.y() - o.y(), p.x() - o.x()), BroadsideAngle.of(s, p).thetaRad(), 0.0);
    }
}
