package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preset index read line by line against the index file itself (comments and blank lines
 * skipped, both sides of {@code =} stripped, menu order kept), {@link Presets#byFile}, and the
 * messages for a preset that is not there.
 */
class PresetsIndexTest {

    /** @return the non-comment lines of presets/index.properties, as the test reads them */
    private static List<String> indexLines() throws IOException {
        try (InputStream in = PresetsIndexTest.class.getResourceAsStream("/presets/index.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void theIndexIsReadInMenuOrderWithFileAndTitleSplitAtTheFirstEquals() throws IOException {
        List<String> lines = indexLines();
        List<Presets.Preset> all = Presets.all();
        assertEquals(lines.size(), all.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertEquals(line.substring(0, line.indexOf('=')).strip(), all.get(i).file());
            assertEquals(line.substring(line.indexOf('=') + 1).strip(), all.get(i).title());
        }
        assertEquals("lecture-secure-isac.json", all.get(0).file(), "the default scenario comes first");
        assertEquals("Lecture: secure near-field ISAC (128-element ULA, 28 GHz)", all.get(0).title());
    }

    @Test
    void aPresetIsFoundByItsFileName() throws Exception {
        for (Presets.Preset p : Presets.all()) {
            assertEquals(Presets.load(p), Presets.byFile(p.file()), p.file());
        }
        assertEquals(Presets.load(Presets.all().get(0)), Presets.defaultScenario());
    }

    @Test
    void aPresetThatIsNotThereIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Presets.byFile("paper-999.json"));
        assertEquals("the preset paper-999.json is missing from presets/index.properties", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Presets.load(new Presets.Preset("gone.json", "Gone")));
        assertEquals("preset gone.json is missing from the class path", e.getMessage());
    }
}
