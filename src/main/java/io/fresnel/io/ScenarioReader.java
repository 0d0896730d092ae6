package io.fresnel.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fresnel.model.Scenario;
import io.fresnel.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads scenario files ({@code fresnel-scenario/1}, SCENARIO.md section 3) into validated
 * {@link Scenario} objects. Reading either returns a complete scenario or throws a
 * {@link ScenarioFormatException} whose message names the offending field and the reason;
 * nothing is half-loaded.
 *
 * <p>Checked on top of the model's own validation: the text is one strict JSON object (no
 * duplicate keys, no NaN or Infinity, no comments, nothing after the root object), within the
 * size limits below; numbers are JSON numbers and finite (1e400 is rejected); the whole-number
 * fields ({@code dimension}, {@code elements}, {@code elements_x}, {@code elements_y},
 * {@code rf_chains}, {@code snapshots}) are integers in the int range (4.0 is accepted, 4.5 is
 * not); booleans are JSON booleans; complex numbers are {@code [re, im]} or a real number;
 * positions are exactly 3 numbers; every required field is present. A key whose value is
 * {@code null} counts as absent. Unknown keys are ignored and reported in
 * {@link Result#warnings()}. All values are SI (m, rad, Hz, W, s).
 *
 * <p>The class is stateless and thread-safe.
 */
public final class ScenarioReader {

    /** Largest accepted file (bytes, or characters for text): 64 MiB, checked before parsing; a 48 x 48 array with 20 streams takes about 2 MiB, and the parsed tree of a full file stays well inside the default heap. */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;
    /** Deepest nesting of JSON lists and objects; real scenarios need about 5 levels. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON string value (characters): 1 MiB. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** Longest JSON number literal (characters). */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScenarioReader() {
    }

    /**
     * A scenario read from a file, with the warnings about what was ignored.
     *
     * @param scenario the validated scenario
     * @param warnings one message per ignored unknown key, e.g.
     *     {@code unknown key "foo" in users[0] ignored}; empty when there are none
     */
    public record Result(Scenario scenario, List<String> warnings) {
        /**
         * Copies the warnings.
         *
         * @param scenario the validated scenario
         * @param warnings the warnings, copied
         */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads a scenario file (UTF-8 JSON).
     *
     * @param file the file
     * @return the scenario and the warnings
     * @throws IOException if the file cannot be read
     * @throws ScenarioFormatException if the file is larger than {@link #MAX_DOCUMENT_LENGTH}
     *     bytes, is not UTF-8 JSON, or does not describe a valid scenario
     */
    public static Result read(Path file) throws IOException, ScenarioFormatException {
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_LENGTH) {
            throw tooLarge(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a scenario from a stream of UTF-8 JSON text. The stream is read to its end (at most
     * {@link #MAX_DOCUMENT_LENGTH} + 1 bytes) but not closed.
     *
     * @param in the stream
     * @return the scenario and the warnings
     * @throws IOException if the stream cannot be read
     * @throws ScenarioFormatException if the text is longer than {@link #MAX_DOCUMENT_LENGTH}
     *     bytes, is not UTF-8 JSON, or does not describe a valid scenario
     */
    public static Result read(InputStream in) throws IOException, ScenarioFormatException {
        byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_LENGTH + 1);
        if (bytes.length > MAX_DOCUMENT_LENGTH) {
            throw tooLarge(bytes.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioFormatException("the file is not valid UTF-8 text", e);
        }
        return read(text);
    }

    /**
     * Reads a scenario from its JSON text (a leading byte-order mark is ignored).
     *
     * @param json the text
     * @return the scenario and the warnings
     * @throws ScenarioFormatException if the text is longer than {@link #MAX_DOCUMENT_LENGTH}
     *     characters, is not valid JSON, or does not describe a valid scenario
     */
    public static Result read(String json) throws ScenarioFormatException {
        if (json.length() > MAX_DOCUMENT_LENGTH) {
            throw tooLarge(json.length());
        }
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw translate(e, text);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioFormatException("the file is empty (expected one JSON object)");
        }
        ScenarioDecoder decoder = new ScenarioDecoder();
        Scenario scenario = decoder.decode(root);
        return new Result(scenario, decoder.warnings());
    }

    private static ScenarioFormatException tooLarge(long size) {
        return new ScenarioFormatException("the file is " + size + " bytes long, more than the limit of "
                + MAX_DOCUMENT_LENGTH + " bytes (64 MiB)");
    }

    /**
     * Reads a scenario file, dropping the warnings ({@link #read(Path)}).
     *
     * @param file the file
     * @return the validated scenario
     * @throws IOException if the file cannot be read
     * @throws ScenarioFormatException if the file is rejected
     */
    public static Scenario readScenario(Path file) throws IOException, ScenarioFormatException {
        return read(file).scenario();
    }

    /**
     * Reads a scenario from its JSON text, dropping the warnings ({@link #read(String)}).
     *
     * @param json the text
     * @return the validated scenario
     * @throws ScenarioFormatException if the text is rejected
     */
    public static Scenario readScenario(String json) throws ScenarioFormatException {
        return read(json).scenario();
    }

    /**
     * Reads a scenario from a stream, dropping the warnings ({@link #read(InputStream)}).
     *
     * @param in the stream of UTF-8 text; read to its end, not closed
     * @return the validated scenario
     * @throws IOException if the stream cannot be read
     * @throws ScenarioFormatException if the text is rejected
     */
    public static Scenario readScenario(InputStream in) throws IOException, ScenarioFormatException {
        return read(in).scenario();
    }

    /** Turns a Jackson parse error into a message with the JSON path, the reason and the place. */
    private static ScenarioFormatException translate(JsonProcessingException e, String text) {
        String reason = Text.parserReason(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return new ScenarioFormatException("the file exceeds a reading limit: " + reason, e);
        }
        String where = where(e.getLocation());
        String path = "";
        String currentName = null;
        boolean afterRoot = false;
        if (e.getProcessor() instanceof JsonParser) {
            JsonParser parser = (JsonParser) e.getProcessor();
            JsonStreamContext context = parser.getParsingContext();
            boolean inValue = !reason.startsWith("Duplicate field")
                    && lastStructuralChar(text, e.getLocation()) == ':';
            path = contextPath(context, inValue);
            currentName = context == null ? null : context.getCurrentName();
            // the root context counts the value being read: a second root value has entry count 2
            afterRoot = context != null && context.inRoot() && context.getEntryCount() > 1;
        }
        String prefix = path.isEmpty() ? "" : path + ": ";
        String message;
        if (reason.startsWith("Duplicate field") && currentName != null) {
            message = prefix + "duplicate key \"" + JsonValues.abbreviate(currentName)
                    + "\" (a key may appear only once in an object)" + where;
        } else if (e instanceof MismatchedInputException && reason.startsWith("Trailing token")) {
            message = "unexpected content after the root JSON object" + where;
        } else if (afterRoot) {
            message = "unexpected content after the root JSON object: " + reason + where;
        } else if (e instanceof JsonEOFException || reason.contains("end-of-input") || endsAfter(e, text)) {
            message = prefix + "the text ends unexpectedly (truncated JSON): " + reason + where;
        } else if (reason.startsWith("Non-standard token")) {
            message = prefix + "invalid JSON: " + reason + " (NaN and Infinity are not JSON numbers)" + where;
        } else {
            message = prefix + "invalid JSON: " + reason + where;
        }
        return new ScenarioFormatException(message, e);
    }

    /** @return whether only white space follows the place of the error: the text was cut off there */
    private static boolean endsAfter(JsonProcessingException e, String text) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getCharOffset() < 0) {
            return false;
        }
        return text.substring((int) Math.min(text.length(), location.getCharOffset())).isBlank();
    }

    /**
     * @return the last of {@code : , { [} outside string literals before the place of the error,
     *     or 0; a colon means the parser stopped inside the value of its current key
     */
    private static char lastStructuralChar(String text, JsonLocation location) {
        if (location == null || location.getCharOffset() < 0) {
            return 0;
        }
        int end = (int) Math.min(text.length(), location.getCharOffset());
        char last = 0;
        boolean inString = false;
        for (int i = 0; i < end; i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == ':' || ch == ',' || ch == '{' || ch == '[') {
                last = ch;
            }
        }
        return last;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * @param context where the parser stopped
     * @param inValue whether it stopped reading the value of the context's current key (else it
     *     stopped between keys, and the path ends at the enclosing object)
     * @return the field path, e.g. {@code users[0].noise_w}
     */
    private static String contextPath(JsonStreamContext context, boolean inValue) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null && (inValue || c != context)) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(c.getCurrentName());
            }
        }
        return sb.toString();
    }
}
