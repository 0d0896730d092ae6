package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpebSeriesTest {

    @Test
    void entriesCarryRfChainsAndRole() {
        List<SpebSeries> s = SpebSeries.parse(List.of("speb-min-hybrid", "speb-min-hybrid:8:sensing-only",
                "speb-min-digital", "crb-min-sdr:digital", "sumrate-max-hybrid:comm-only:2"), 4);
        assertEquals(new SpebSeries("speb-min-hybrid", 4, SpebSeries.Role.ISAC), s.get(0));
        assertEquals(new SpebSeries("speb-min-hybrid", 8, SpebSeries.Role.SENSING_ONLY), s.get(1));
        assertEquals(0, s.get(2).rfChains(), "a digital design defaults to a fully-digital array");
        assertEquals(0, s.get(3).rfChains());
        assertEquals(new SpebSeries("sumrate-max-hybrid", 2, SpebSeries.Role.COMMUNICATION_ONLY), s.get(4));
        assertEquals("speb-min-hybrid, N_RF = 8 (sensing-only)", s.get(1).label());
        assertEquals("speb-min-digital, fully digital", s.get(2).label());
    }

    @Test
    void malformedEntriesAreRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpebSeries.parse(List.of("mrt:x"), 4));
        assertTrue(e.getMessage().startsWith("--schemes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpebSeries.parse(List.of("a:1:isac:2"), 4));
        assertThrows(IllegalArgumentException.class, () -> SpebSeries.parse(List.of("mrt:-1"), 4));
    }
}
