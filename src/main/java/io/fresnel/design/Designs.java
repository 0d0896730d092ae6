package io.fresnel.design;

import io.fresnel.design.baseline.FarFieldSteeringDesign;
import io.fresnel.design.baseline.IsotropicDesign;
import io.fresnel.design.baseline.MaximumRatioDesign;
import io.fresnel.design.baseline.RegularizedZeroForcingDesign;
import io.fresnel.design.baseline.TwoStageHybridDesign;
import io.fresnel.design.baseline.ZeroForcingDesign;
import io.fresnel.design.rsma.RsmaSecureDesign;
import io.fresnel.design.sdr.CrbMinSdrDesign;
import io.fresnel.design.sdr.EchoMaxMinSdrDesign;
import io.fresnel.design.sdr.IlluminationMaxMinSdrDesign;
import io.fresnel.design.secure.AnSecurePcrbDesign;
import io.fresnel.design.secure.AnSecurePcrbMrtDesign;
import io.fresnel.design.secure.AnSecurePcrbNoAnDesign;
import io.fresnel.design.speb.MatrixApproxHybridDesign;
import io.fresnel.design.speb.SnrMaxHybridDesign;
import io.fresnel.design.speb.SpebMinDigitalDesign;
import io.fresnel.design.speb.SpebMinHybridDesign;
import io.fresnel.design.speb.SumRateDesign;
import io.fresnel.design.stochastic.SlbDesign;
import io.fresnel.design.stochastic.SsjbDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of designs by algorithm name (SCENARIO.md section 4). The paper algorithms are
 * added here as they are implemented.
 */
public final class Designs {
    private static final List<Design> ALL = List.of(new IsotropicDesign(), new MaximumRatioDesign(),
            new ZeroForcingDesign(), new RegularizedZeroForcingDesign(), new FarFieldSteeringDesign(),
            new TwoStageHybridDesign(), new CrbMinSdrDesign(), new IlluminationMaxMinSdrDesign(),
            new EchoMaxMinSdrDesign(), new AnSecurePcrbDesign(), new AnSecurePcrbNoAnDesign(),
            new AnSecurePcrbMrtDesign(), RsmaSecureDesign.hybrid(), RsmaSecureDesign.digital(),
            RsmaSecureDesign.noCrb(), RsmaSecureDesign.sdmaHybrid(), RsmaSecureDesign.farField(),
            new SpebMinHybridDesign(), new SpebMinDigitalDesign(), SumRateDesign.hybrid(), SumRateDesign.digital(),
            SumRateDesign.hybridCommunicationOnly(), SumRateDesign.digitalCommunicationOnly(), new SnrMaxHybridDesign(),
            new MatrixApproxHybridDesign(), new SsjbDesign(), new SlbDesign());

    private Designs() {
    }

    /** @return every available design, in menu order (immutable) */
    public static List<Design> all() {
        return ALL;
    }

    /**
     * @param name an algorithm name, e.g. {@code "zf"}
     * @return the design of that name
     * @throws IllegalArgumentException naming the known algorithms when there is none of that name
     */
    public static Design byName(String name) {
        for (Design d : ALL) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        List<String> names = new ArrayList<>();
        ALL.forEach(d -> names.add(d.name()));
        throw new IllegalArgumentException("unknown algorithm \"" + name + "\" (known: " + String.join(", ", names)
                + ")");
    }
}
