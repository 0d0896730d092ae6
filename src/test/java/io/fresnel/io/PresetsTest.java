package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void everyPresetLoadsWithoutWarningsAndRoundTrips() throws Exception {
        List<Presets.Preset> all = Presets.all();
        assertTrue(all.size() >= 5, "presets: " + all);
        for (Presets.Preset p : all) {
            try (InputStream in = Presets.class.getResourceAsStream("/presets/" + p.file())) {
                ScenarioReader.Result r = ScenarioReader.read(in);
                assertTrue(r.warnings().isEmpty(), p.file() + ": " + r.warnings());
                Scenario again = ScenarioReader.readScenario(ScenarioWriter.write(r.scenario()));
                assertEquals(r.scenario(), again, p.file());
            }
        }
    }

    @Test
    void theIssueNamesThePapersAndTheNearFarTeachingSetUp() {
        String titles = String.join("\n", Presets.all().stream().map(Presets.Preset::title).toList());
        for (String needed : new String[] {"Paper 000", "Paper 001", "Paper 003", "near-field", "far-field"}) {
            assertTrue(titles.contains(needed), needed + " missing from\n" + titles);
        }
    }

    @Test
    void theDefaultScenarioIsALectureSetUpWithAnEavesdroppingTarget() {
        Scenario s = Presets.defaultScenario();
        int n = s.txArray().positions().size();
        assertTrue(n >= 64 && n <= 256, "elements " + n);
        assertEquals(28e9, s.carrierFrequencyHz());
        assertEquals(2, s.users().size());
        assertTrue(s.targets().stream().anyMatch(t -> t.eavesdropper()));
        assertEquals(1, s.eavesdroppers().size());
    }
}
