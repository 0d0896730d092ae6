package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's hostile-input limits at their exact boundaries (64 MiB through each entry point:
 * a file, a stream, a text) and the parse-error messages whose wording depends on where the
 * parser stopped: the field path through lists and objects, a string with an escaped quote
 * before the error, a text cut off inside a literal, content after the root object.
 */
class ReaderLimitsAndMessagesTest {
    private static final int MAX = (int) ScenarioReader.MAX_DOCUMENT_LENGTH;
    private static final String TOO_LARGE = "more than the limit of 67108864 bytes (64 MiB)";

    /** @return {@code {}} padded with spaces to exactly n bytes (valid JSON, an empty scenario) */
    private static byte[] emptyObject(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        b[0] = '{';
        b[n - 1] = '}';
        return b;
    }

    private static String message(ThrowingRead read) {
        return assertThrows(ScenarioFormatException.class, read::run).getMessage();
    }

    @FunctionalInterface
    private interface ThrowingRead {
        void run() throws Exception;
    }

    @Test
    void aFileOfExactly64MiBIsParsedAndOneByteMoreIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, emptyObject(MAX));
        // exactly at the limit the text is parsed: the empty object lacks the format field
        String atLimit = message(() -> ScenarioReader.read(file));
        assertEquals("format: required field is missing", atLimit);
        Files.write(file, emptyObject(MAX + 1));
        assertEquals("the file is 67108865 bytes long, " + TOO_LARGE, message(() -> ScenarioReader.read(file)));
    }

    @Test
    void aStreamOfExactly64MiBIsParsedAndOneByteMoreIsRefused() {
        assertEquals("format: required field is missing",
                message(() -> ScenarioReader.read(new ByteArrayInputStream(emptyObject(MAX)))));
        assertEquals("the file is 67108865 bytes long, " + TOO_LARGE,
                message(() -> ScenarioReader.read(new ByteArrayInputStream(emptyObject(MAX + 1)))));
    }

    @Test
    void aTextOfExactly64MiBCharactersIsParsedAndOneMoreIsRefused() {
        String at = new String(emptyObject(MAX), StandardCharsets.ISO_8859_1);
        assertEquals("format: required field is missing", message(() -> ScenarioReader.read(at)));
        String over = new String(emptyObject(MAX + 1), StandardCharsets.ISO_8859_1);
        assertEquals("the file is 67108865 bytes long, " + TOO_LARGE, message(() -> ScenarioReader.read(over)));
    }

    @Test
    void theFieldPathFollowsListsAndObjectsToTheBrokenValue() {
        String m = message(() -> ScenarioReader.read("{\"users\": [{\"id\": \"a\"}, {\"noise_w\": 1e-9x}]}"));
        assertTrue(m.startsWith("users[1].noise_w: invalid JSON: "), m);
        m = message(() -> ScenarioReader.read("{\"tx_array\": {\"ula\": {\"elements\": 4x}}}"));
        assertTrue(m.startsWith("tx_array.ula.elements: invalid JSON: "), m);
        // the first entry of a list, before any value was read
        m = message(() -> ScenarioReader.read("{\"users\": [x]}"));
        assertTrue(m.startsWith("users[0]: invalid JSON: "), m);
        // between two keys the path ends at the enclosing object
        m = message(() -> ScenarioReader.read("{\"sensing\": {\"snapshots\": 3, x}}"));
        assertTrue(m.startsWith("sensing: invalid JSON: "), m);
        m = message(() -> ScenarioReader.read("{\"dimension\": 2, x}"));
        assertTrue(m.startsWith("invalid JSON: "), m);
        // right after a complete value the parser is still at its key
        m = message(() -> ScenarioReader.read("{\"sensing\": {\"snapshots\": 3 x}}"));
        assertTrue(m.startsWith("sensing.snapshots: invalid JSON: "), m);
    }

    @Test
    void anEscapedQuoteInAnEarlierStringDoesNotEndThatString() {
        // scanned correctly, the last structural character before the error is the colon after
        // "dimension"; read with the escaped quote as the string's end, it would be the '['
        String m = message(() -> ScenarioReader.read("{\"name\": \"a\\\"[\", \"dimension\": 2x}"));
        assertTrue(m.startsWith("dimension: invalid JSON: "), m);
        m = message(() -> ScenarioReader.read("{\"name\": \"a\\\\\", \"dimension\": 2x}"));
        assertTrue(m.startsWith("dimension: invalid JSON: "), "an escaped backslash ends nothing either: " + m);
    }

    @Test
    void aTextCutOffBetweenEntriesIsTruncatedAndABrokenLiteralIsInvalid() {
        String m = message(() -> ScenarioReader.read("{\"format\": \"fresnel-scenario/1\",\n"));
        assertTrue(m.startsWith("the text ends unexpectedly (truncated JSON): "), m);
        m = message(() -> ScenarioReader.read("{\"users\": [1,"));
        assertTrue(m.startsWith("users[1]: the text ends unexpectedly (truncated JSON): "), m);
        m = message(() -> ScenarioReader.read("{\"format\": tru }"));
        assertTrue(m.startsWith("format: invalid JSON: Unrecognized token 'tru'"), m);
        assertFalse(m.contains("truncated"), m);
    }

    @Test
    void contentAfterTheRootObjectIsNamedAsSuch() {
        assertEquals("unexpected content after the root JSON object (line 1, column 4)",
                message(() -> ScenarioReader.read("{} {}")));
        String m = message(() -> ScenarioReader.read("{}\nnope"));
        assertTrue(m.startsWith("unexpected content after the root JSON object: Unrecognized token 'nope'"), m);
        assertTrue(m.endsWith("(line 2, column 1)"), m);
    }

    @Test
    void anErrorInTheFirstValueIsNotContentAfterTheRootObject() {
        // found by mutation testing: a file holding only "nope" was called content after the root object
        String m = message(() -> ScenarioReader.read("nope"));
        assertEquals("invalid JSON: Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or"
                + " token 'null', 'true' or 'false') (line 1, column 1)", m);
        m = message(() -> ScenarioReader.read("  \"abc"));
        assertTrue(m.startsWith("the text ends unexpectedly (truncated JSON): "), m);
        m = message(() -> ScenarioReader.read("-"));
        assertTrue(m.startsWith("the text ends unexpectedly (truncated JSON): "), m);
        // a second value after a complete first one is content after the root
        m = message(() -> ScenarioReader.read("{\"a\": 1} tru"));
        assertTrue(m.startsWith("unexpected content after the root JSON object: Unrecognized token 'tru'"), m);
    }

    @Test
    void onlyANonStandardNumberTokenGetsTheNaNNote() {
        String m = message(() -> ScenarioReader.read("{\"transmit_power_w\": NaN}"));
        assertTrue(m.startsWith("transmit_power_w: invalid JSON: Non-standard token 'NaN'"), m);
        assertTrue(m.contains("' (NaN and Infinity are not JSON numbers) (line 1, column "), m);
        m = message(() -> ScenarioReader.read("{\"transmit_power_w\": 1x}"));
        assertFalse(m.contains("NaN and Infinity"), m);
    }

    @Test
    void aMismatchedCloseMarkerNamesWhereTheOpenListStartedWithoutJacksonsSourceNote() {
        String m = message(() -> ScenarioReader.read("{\"users\": [{\"id\": \"u1\",\n \"position\": [1, 2, 3}]}"));
        assertEquals("users[0].position[2]: invalid JSON: Unexpected close marker '}': expected ']' (for the array"
                + " starting at line 2, column 14) (line 2, column 22)", m);
        m = message(() -> ScenarioReader.read("{\"users\": [{\"id\": \"u1\"]}"));
        assertTrue(m.contains("(for the object starting at line 1, column 12)"), m);
        assertFalse(m.contains("Source") || m.contains("REDACTED") || m.contains("StreamReadFeature"), m);
    }
}
