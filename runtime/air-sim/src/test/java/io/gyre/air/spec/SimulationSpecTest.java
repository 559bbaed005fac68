package io.gyre.air.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.simulation.SimulationSetup;
import io.gyre.identity.KeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationSpecTest {
  private static final String INIT = id("init");
  private static final String RELAY = id("relay");
  private static final String ALICE = id("alice");

  private static String id(String seedName) {
    return KeyPair.fromSeedName(seedName).peerId().base58();
  }

  private static SimulationSpec parse(String json) throws SpecException {
    return SimulationSpec.parse(json, Path.of("."));
  }

  private static String message(String json) {
    return assertThrows(SpecException.class, () -> parse(json)).getMessage();
  }

  @Test
  void defaultsAreRunAirs() throws SpecException {
    SimulationSpec spec = parse("{\"air\": \"(null)\"}");
    assertEquals(INIT, spec.initPeer());
    assertEquals(INIT, spec.relay(), "no other peer: the init peer is its own relay");
    assertEquals(List.of(INIT), spec.simulatedPeers());
    assertEquals(10_000, spec.ttlMs());
    assertEquals(1_700_000_000_000L, spec.timestampMs());
    assertEquals(1_700_000_001_000L, spec.peerTimestampMs());
    assertEquals("oracle-particle-0001", spec.particleId());
    assertEquals(1000, spec.maxSteps());
    assertEquals(false, spec.oneResultPerRun());
    assertEquals(Optional.empty(), spec.trace());
  }

  @Test
  void nullFieldsTakeTheirDefaultsAsWithJsNullishCoalescing() throws SpecException {
    SimulationSpec spec =
        parse(
            "{\"air\": \"(null)\", \"init_peer\": null, \"peers\": null, \"ttl_ms\": null,"
                + " \"particle_id\": null, \"args\": null}");
    assertEquals(INIT, spec.initPeer());
    assertEquals(10_000, spec.ttlMs());
    assertEquals("oracle-particle-0001", spec.particleId());
    assertEquals(0, spec.args().size());
  }

  @Test
  void relayDefaultsToTheFirstOtherPeerAndIsSimulatedEvenWhenNotListed() throws SpecException {
    assertEquals(
        ALICE, parse("{\"air\": \"(null)\", \"peers\": [\"init\", \"alice\", \"bob\"]}").relay());
    SimulationSpec spec =
        parse("{\"air\": \"(null)\", \"relay\": \"relay\", \"peers\": [\"alice\"]}");
    assertEquals(List.of(INIT, RELAY, ALICE), spec.simulatedPeers());
    SimulationSetup setup = spec.setup(3);
    assertEquals(INIT, setup.initPeer().peerId().base58());
    assertEquals(
        List.of(RELAY, ALICE), setup.otherPeers().stream().map(k -> k.peerId().base58()).toList());
    assertEquals(3, setup.seed());
  }

  @Test
  void peerReferencesAreSubstitutedInValuesButNotKeys() throws SpecException {
    SimulationSpec spec =
        parse(
            "{\"air\": \"(null)\", \"args\": {\"p\": \"@peer:alice\", \"l\": [\"@peer:zed\"]},"
                + " \"services\": {\"s.f\": {\"per_peer\": {\"@peer:bob\": \"@peer:relay\"}}}}");
    assertEquals(ALICE, spec.args().get("p").asText());
    assertEquals(id("zed"), spec.args().get("l").get(0).asText(), "unknown names become seeds");
    assertEquals(RELAY, spec.services().get("s.f").get("per_peer").get("@peer:bob").asText());
    assertEquals(Optional.of("zed"), spec.peers().alias(id("zed")));
  }

  @Test
  void explicitKeysNameTheirPeers() throws SpecException {
    String hex = "ab".repeat(32);
    SimulationSpec spec =
        parse(
            "{\"air\": \"(null)\", \"keys\": {\"carol\": \""
                + hex
                + "\"}, \"peers\": [\"carol\"]}");
    String carol = KeyPair.fromSecret(hexBytes(hex)).peerId().base58();
    assertEquals(List.of(INIT, carol), spec.simulatedPeers());
    assertEquals(Optional.of("carol"), spec.peers().alias(carol));
  }

  @Test
  void airFileIsReadNextToTheSpec(@TempDir Path dir) throws IOException, SpecException {
    Files.writeString(dir.resolve("x.air"), "(null)");
    Files.writeString(dir.resolve("x.spec.json"), "{\"air_file\": \"x.air\"}");
    assertEquals("(null)", SimulationSpec.read(dir.resolve("x.spec.json")).air());
  }

  @Test
  void badSpecsAreRefusedWithAMessageThatNamesTheProblem() {
    assertEquals("SPEC.air (or SPEC.air_file) must be a string", message("{}"));
    assertEquals("SPEC.air (or SPEC.air_file) must be a string", message("{\"air\": 5}"));
    assertTrue(message("{\"air\": ").startsWith("SPEC is not valid JSON"));
    assertEquals("SPEC must be a JSON object", message("[1]"));
    assertEquals(
        "no secret key for peer 12D3KooWnope: use a seed name, SPEC.seeds or SPEC.keys",
        message("{\"air\": \"(null)\", \"peers\": [\"12D3KooWnope\"]}"));
    assertEquals(
        "no secret key for peer 12D3KooWx: use a seed name, SPEC.seeds or SPEC.keys",
        message("{\"air\": \"(null)\", \"args\": {\"a\": \"@peer:12D3KooWx\"}}"));
    assertEquals(
        "SPEC.peers: peer must be a string: 7", message("{\"air\": \"(null)\", \"peers\": [7]}"));
    assertEquals(
        "SPEC.keys.carol: secret key must be 32 bytes, got 3",
        message("{\"air\": \"(null)\", \"keys\": {\"carol\": \"AAAA\"}}"));
    assertTrue(
        message("{\"air\": \"(null)\", \"keys\": {\"" + ALICE + "\": \"" + "ab".repeat(32) + "\"}}")
            .startsWith("SPEC.keys: key for " + ALICE + " derives peer id 12D3KooW"));
    assertEquals(
        "SPEC.ttl_ms must be an integer from 0 to 4294967295: -1",
        message("{\"air\": \"(null)\", \"ttl_ms\": -1}"));
    assertEquals(
        "SPEC.trace must be true or false: \"yes\"",
        message("{\"air\": \"(null)\", \"trace\": \"yes\"}"));
    assertEquals("SPEC.args must be an object", message("{\"air\": \"(null)\", \"args\": []}"));
    assertTrue(
        assertThrows(SpecException.class, () -> SimulationSpec.read(Path.of("/no/such/spec.json")))
            .getMessage()
            .startsWith("cannot read /no/such/spec.json"));
  }

  @Test
  void theParticleSignatureIsTheInitPeersOverJsClientsLayout() throws SpecException {
    SimulationSpec spec = parse("{\"air\": \"(null)\"}");
    byte[] signature = java.util.Base64.getDecoder().decode(spec.particleSignatureBase64());
    byte[] id = "oracle-particle-0001".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer message =
        java.nio.ByteBuffer.allocate(id.length + 12 + 6).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    message.put(id).putLong(1_700_000_000_000L).putInt(10_000).put("(null)".getBytes());
    assertTrue(
        KeyPair.verify(KeyPair.fromSeedName("init").publicKey(), message.array(), signature));
  }

  private static byte[] hexBytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
