package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fresnel.math.Complex;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonValues} node by node: every kind of value in a message, the quote's length limit
 * on both sides, and the int range of whole numbers at its exact ends, written as integers and
 * as doubles.
 */
class JsonValuesByHandTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private static String failure(ThrowingCall call) {
        return assertThrows(ScenarioFormatException.class, call::run).getMessage();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void everyKindOfValueIsDescribedInWords() {
        assertEquals("a list of 0 entries", JsonValues.describe(J.arrayNode()));
        assertEquals("a list of 1 entry", JsonValues.describe(J.arrayNode().add(1)));
        assertEquals("a list of 2 entries", JsonValues.describe(J.arrayNode().add(1).add(2)));
        assertEquals("an object", JsonValues.describe(J.objectNode()));
        assertEquals("the string \"3\"", JsonValues.describe(J.textNode("3")));
        assertEquals("the number 2.5", JsonValues.describe(J.numberNode(2.5)));
        assertEquals("true", JsonValues.describe(J.booleanNode(true)));
        assertEquals("false", JsonValues.describe(J.booleanNode(false)));
        assertEquals("null", JsonValues.describe(J.nullNode()));
        assertEquals("missing", JsonValues.describe(MissingNode.getInstance()));
        assertEquals("binary", JsonValues.describe(J.binaryNode(new byte[] {1})));
    }

    @Test
    void aQuoteIsCutAfterFortyCharacters() {
        String forty = "x".repeat(40);
        assertEquals(forty, JsonValues.abbreviate(forty));
        assertEquals(forty + "...", JsonValues.abbreviate(forty + "y"));
        assertEquals("the string \"" + forty + "...\"", JsonValues.describe(J.textNode(forty + "yz")));
    }

    @Test
    void wholeNumbersAreAcceptedAtBothEndsOfTheIntRangeAndRefusedOneBeyond() throws Exception {
        assertEquals(Integer.MAX_VALUE, JsonValues.wholeNumber(J.numberNode(2147483647L), "n"));
        assertEquals(Integer.MIN_VALUE, JsonValues.wholeNumber(J.numberNode(-2147483648L), "n"));
        assertEquals("n: 2147483648 is out of range (a whole number from -2147483648 to 2147483647 is expected)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(2147483648L), "n")));
        assertEquals("n: -2147483649 is out of range (a whole number from -2147483648 to 2147483647 is expected)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(-2147483649L), "n")));
        // the same ends written with a fraction part
        assertEquals(Integer.MAX_VALUE, JsonValues.wholeNumber(J.numberNode(2147483647.0), "n"));
        assertEquals(Integer.MIN_VALUE, JsonValues.wholeNumber(J.numberNode(-2147483648.0), "n"));
        assertEquals("n: 2.147483648E9 is out of range (a whole number from -2147483648 to 2147483647 is expected)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(2147483648.0), "n")));
        assertEquals("n: -2.147483649E9 is out of range (a whole number from -2147483648 to 2147483647 is expected)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(-2147483649.0), "n")));
        assertEquals(4, JsonValues.wholeNumber(J.numberNode(4.0), "n"));
        assertEquals(-4, JsonValues.wholeNumber(J.numberNode(new BigDecimal("-4.000")), "n"));
        assertEquals("n: must be a whole number (got 4.5)", failure(() -> JsonValues.wholeNumber(J.numberNode(4.5), "n")));
        assertEquals("n: must be a whole number (got -0.25)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(-0.25), "n")));
        assertEquals("n: expected a whole number, got the string \"4\"",
                failure(() -> JsonValues.wholeNumber(J.textNode("4"), "n")));
        assertEquals("n: the number is not finite (it is too large for a double)",
                failure(() -> JsonValues.wholeNumber(J.numberNode(Double.POSITIVE_INFINITY), "n")));
    }

    @Test
    void numbersMustBeFiniteJsonNumbers() throws Exception {
        assertEquals(-0.5, JsonValues.number(J.numberNode(-0.5), "x"));
        assertEquals("x: expected a number, got true", failure(() -> JsonValues.number(J.booleanNode(true), "x")));
        assertEquals("x: the number is not finite (it is too large for a double)",
                failure(() -> JsonValues.number(J.numberNode(new BigDecimal("1e400")), "x")));
        assertEquals("x: the number is not finite (it is too large for a double)",
                failure(() -> JsonValues.number(J.numberNode(Double.NaN), "x")));
    }

    @Test
    void complexNumbersPositionsAndMatricesNameTheWrongEntry() throws Exception {
        assertEquals(new Complex(2, 0), JsonValues.complex(J.numberNode(2), "c"));
        assertEquals(new Complex(1, -3), JsonValues.complex(J.arrayNode().add(1).add(-3), "c"));
        assertEquals("c: a complex number is written [re, im] with exactly 2 numbers (got 1)",
                failure(() -> JsonValues.complex(J.arrayNode().add(1), "c")));
        assertEquals("c[1]: expected a number, got the string \"i\"",
                failure(() -> JsonValues.complex(J.arrayNode().add(1).add("i"), "c")));
        assertEquals("c: expected a complex number [re, im] or a real number, got an object",
                failure(() -> JsonValues.complex(J.objectNode(), "c")));
        assertEquals("p: a position is written [x, y, z] with exactly 3 numbers (got 4)",
                failure(() -> JsonValues.vec3(J.arrayNode().add(1).add(2).add(3).add(4), "p")));
        assertEquals("p[2]: expected a number, got null",
                failure(() -> JsonValues.vec3(J.arrayNode().add(1).add(2).addNull(), "p")));
        assertEquals("p: expected a position [x, y, z], got the number 1",
                failure(() -> JsonValues.vec3(J.numberNode(1), "p")));
        assertEquals("l[1]: expected a number, got a list of 0 entries",
                failure(() -> JsonValues.numbers(J.arrayNode().add(1).add(J.arrayNode()), "l")));
        assertEquals("m: must list at least one column", failure(() -> JsonValues.matrix(J.arrayNode(), "m")));
        ArrayNode ragged = J.arrayNode();
        ragged.addArray().add(1).add(2);
        ragged.addArray().add(3);
        assertEquals("m[1]: the column has 1 entries but m[0] has 2 (all columns must have the same length)",
                failure(() -> JsonValues.matrix(ragged, "m")));
        ArrayNode square = J.arrayNode();
        square.addArray().add(1).add(2);
        square.addArray().add(3).add(J.arrayNode().add(0).add(4));
        assertEquals(new Complex(0, 4), JsonValues.matrix(square, "m").get(1, 1));
        assertEquals(new Complex(2, 0), JsonValues.matrix(square, "m").get(1, 0));
    }

    @Test
    void plainValuesKeepTheirJavaTypeAndOrderAndNameAnOutOfRangeEntry() throws Exception {
        assertNull(JsonValues.plain(J.nullNode(), "s"));
        assertEquals(Boolean.FALSE, JsonValues.plain(J.booleanNode(false), "s"));
        assertEquals("x", JsonValues.plain(J.textNode("x"), "s"));
        assertEquals(Long.MAX_VALUE, JsonValues.plain(J.numberNode(BigInteger.valueOf(Long.MAX_VALUE)), "s"));
        assertEquals(2.5, JsonValues.plain(J.numberNode(2.5), "s"));
        JsonNode nested = J.objectNode().put("b", 1).set("a", J.arrayNode().add("t").add(J.numberNode(
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))));
        assertEquals("s.a[1]: the whole number 9223372036854775808 is out of the 64-bit range",
                failure(() -> JsonValues.plain(nested, "s")));
        Object map = JsonValues.plain(J.objectNode().put("z", 1).put("a", 2), "s");
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) map).keySet()));
        assertEquals(List.of(1L, "u"), JsonValues.plain(J.arrayNode().add(1).add("u"), "s"));
        assertEquals("s: expected a JSON value, got missing",
                failure(() -> JsonValues.plain(MissingNode.getInstance(), "s")));
        assertEquals("k.v", JsonValues.keyPath("k", "v"));
        assertEquals("v", JsonValues.keyPath("", "v"));
        assertEquals("k[3]", JsonValues.indexPath("k", 3));
    }
}
