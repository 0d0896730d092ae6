package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FresnelCommandTest {

    @Test
    void withoutArgumentsItPrintsUsage() {
        GoldenEvalTest.Run r = GoldenEvalTest.run();
        assertEquals(0, r.status());
        assertTrue(r.out().contains("eval"), r.out());
    }

    @Test
    void versionComesFromTheBuild() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Fresnel 0."), r.out());
    }

    @Test
    void aMissingFileIsARejectedInput() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", "does/not/exist.json");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("exist.json"), r.err());
    }

    @Test
    void anUnknownCommandIsARejectedInput() {
        assertEquals(2, GoldenEvalTest.run("frobnicate").status());
    }

    @Test
    void unknownKeysAreWarnedAboutOnStderrAndIgnored(@TempDir Path dir) throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(src.toFile());
        tree.put("colour", "blue");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run withKey = GoldenEvalTest.run("eval", f.toString());
        GoldenEvalTest.Run plain = GoldenEvalTest.run("eval", src.toString());
        assertEquals(0, withKey.status(), withKey.err());
        assertTrue(withKey.err().contains("colour"), withKey.err());
        assertEquals(plain.out(), withKey.out());
    }

    @Test
    void standardOutputIsUtf8WhateverTheStreamsCharset(@TempDir Path dir) throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        String text = Files.readString(src);
        String id = new ObjectMapper().readTree(text).get("users").get(0).get("id").asText();
        Path f = dir.resolve("s.json");
        Files.writeString(f, text.replace("\"" + id + "\"", "\"Empf\u00e4nger-\u53d7\""));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = FresnelCommand.run(new String[] {"eval", f.toString()},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.US_ASCII),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                        java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, status);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"Empf\u00e4nger-\u53d7\""));
    }

    @Test
    void aKeyWithALineBreakIsWarnedAboutOnOneLine(@TempDir Path dir) throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(src.toFile());
        tree.put("x\nfresnel: forged line", 1);
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", f.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("x\\nfresnel: forged line"), r.err());
    }

    @Test
    void solveIntoAMissingFolderIsRejectedOnOneLineBeforeDesigning(@TempDir Path dir) {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        Path target = dir.resolve("missing/solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", src.toString(), "--algorithm", "mrt", "--out",
                target.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("the folder " + dir.resolve("missing") + " does not exist"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void withoutAPrecoderEvalPrintsEmptyNodeObjectsAndAnEmptySystem(@TempDir Path dir) throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_random_n6.scenario.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(src.toFile());
        tree.remove("precoder");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode out = json.readTree(r.out());
        assertEquals(0, out.get("users").get("alice").size());
        assertEquals(0, out.get("targets").get("t1").size());
        assertEquals(0, out.get("system").size());
    }

    @Test
    void aPriorTooCostlyToIntegrateIsRejectedQuickly(@TempDir Path dir) throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p001_an_prior_farfield.scenario.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(src.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode prior = (com.fasterxml.jackson.databind.node.ObjectNode) tree
                .get("targets").get(0).get("prior");
        com.fasterxml.jackson.databind.node.ArrayNode angles = prior.putArray("angles_rad");
        com.fasterxml.jackson.databind.node.ArrayNode probs = prior.putArray("probabilities");
        int components = 3000;
        for (int i = 0; i < components; i++) {
            angles.add(-1.5 + 3.0 * i / components);
            probs.add(1.0 / components);
        }
        prior.put("sigma_rad", 0.5);
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", f.toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("posterior CRB") && r.err().contains("3000 prior components"), r.err());
    }

    @Test
    void benchReportsTimesAndTheMachine() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("bench", "--warmup", "1", "--runs", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("median"), r.out());
        assertTrue(r.out().contains("machine:"), r.out());
    }

    @Test
    void heatmapBenchReportsFrameTimesAndTheMachine() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("bench", "--heatmap", "--warmup", "0", "--runs", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("400x400 frame") && r.out().contains("100x100 frame"), r.out());
        assertTrue(r.out().contains("machine:"), r.out());
    }
}
