package io.fresnel.design;

import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manual probe (not a test: no @Test). */
class RsmaDevProbe {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[2]));
        text = text.replace("\"crb_range_max_m2\": 0.01", "\"crb_range_max_m2\": " + args[1]);
        Scenario sc = ScenarioReader.readScenario(text);
        System.out.println("N=" + sc.txArray() + " rx=" + sc.rxArray());
        for (String name : args[0].split(",")) {
            Design d = name.equals("rsma-hybrid") ? RsmaSecureDesign.hybrid() : name.equals("sdma-hybrid")
                    ? RsmaSecureDesign.sdmaHybrid() : name.equals("rsma-no-crb") ? RsmaSecureDesign.noCrb()
                    : Designs.byName(name);
            long t0 = System.nanoTime();
            DesignResult r = d.run(sc, DesignContext.none());
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("%s %s obj=%s it=%d %.2fs %s%n", name, r.status(), r.objective(), r.iterations(), sec,
                    r.message());
            if (r.precoder() != null) {
                Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(r.precoder()));
                System.out.println("  power " + m.system().transmitPowerW() + " crbA " + m.targets().get(0).crbAngleRad2()
                        + " crbR " + m.targets().get(0).crbRangeM2() + " minsec " + m.system().minSecrecyRateBpsHz());
            }
        }
    }
}
