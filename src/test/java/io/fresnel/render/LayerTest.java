package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayerTest {
    @Test
    void everyFormParsesAndReadsBack() {
        for (String key : new String[] {"beampattern", "stream:2", "sinr:u1", "secrecy:u1", "secrecy:u1:e1", "peb:t1"}) {
            assertEquals(key, Layer.parse(key).key());
        }
        assertEquals(new Layer.Secrecy("u1", "e1"), Layer.parse("secrecy:u1:e1"));
        assertEquals("W", Layer.parse("stream:0").siUnit());
        assertEquals("m", Layer.parse("peb:t").siUnit());
    }

    @Test
    void malformedLayersNameTheAcceptedForms() {
        for (String bad : new String[] {"", "heat", "stream:x", "stream:-1", "sinr", "sinr:", "peb:a:b", "beampattern:1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layer.parse(bad));
            assertTrue(e.getMessage().contains("expected beampattern"), e.getMessage());
        }
    }
}
