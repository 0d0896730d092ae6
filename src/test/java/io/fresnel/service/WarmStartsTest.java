package io.fresnel.service;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fresnel.GoldenFiles;
import io.fresnel.design.DesignContext;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class WarmStartsTest {

    private static Scenario read(String name) throws Exception {
        return ScenarioReader.readScenario(GoldenFiles.goldenDir().resolve("public/" + name + ".scenario.json"));
    }

    @Test
    void aPrecoderIsOfferedBackToTheSameAlgorithmOnAScenarioWithTheSameLayout() throws Exception {
        Scenario sc = read("p_dbg_random_n6");
        Precoder p = Designs.byName("mrt").run(sc, DesignContext.none()).precoder();
        WarmStarts w = new WarmStarts();
        w.remember("mrt", p);
        assertSame(p, w.lookup("mrt", sc));
        assertNull(w.lookup("zf", sc));
    }

    @Test
    void aPrecoderForOtherUsersOrAnotherArrayIsNotOffered() throws Exception {
        Scenario six = read("p_dbg_random_n6");
        WarmStarts w = new WarmStarts();
        w.remember("mrt", Designs.byName("mrt").run(six, DesignContext.none()).precoder());
        // one user on a 4-element array: other users and another antenna count
        assertNull(w.lookup("mrt", read("p_dbg_mrt_n4")));
    }

    @Test
    void anotherGenerationForgetsEveryPrecoderAndTheSameKeepsThem() throws Exception {
        Scenario sc = read("p_dbg_random_n6");
        Precoder p = Designs.byName("mrt").run(sc, DesignContext.none()).precoder();
        WarmStarts w = new WarmStarts();
        w.enter(3);
        w.remember("mrt", p);
        w.enter(3);
        assertSame(p, w.lookup("mrt", sc));
        w.enter(4);
        assertNull(w.lookup("mrt", sc));
    }
}
