package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("a\\nb\\r\\tc\\u0007d\\u2028e", Text.oneLine("a\nb\r\tc\u0007d\u2028e"));
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String s = "Empfänger ü1 -> 受信機";
        assertSame(s, Text.oneLine(s));
        assertEquals("null", Text.oneLine(null));
    }
}
