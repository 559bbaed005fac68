package io.gyre.air.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.AirLimits;
import io.gyre.air.simulation.SimulationSetup;
import io.gyre.identity.KeyPair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A run-air SPEC (../shared/oracle/README.md, "SPEC"), resolved: the AIR, the simulated peers (init
 * peer first, then the relay, then {@code peers}) with their keys, the arguments and mock services
 * with every {@code @peer:NAME} replaced by the peer id, and the particle's fields with run-air's
 * defaults.
 *
 * @param trace what the SPEC says about the per-step trace (absent: nothing)
 */
public record SimulationSpec(
    String air,
    String initPeer,
    String relay,
    List<String> simulatedPeers,
    PeerBook peers,
    ObjectNode args,
    ObjectNode services,
    long ttlMs,
    long timestampMs,
    long peerTimestampMs,
    String particleId,
    int maxSteps,
    boolean oneResultPerRun,
    Optional<Boolean> trace) {

  public SimulationSpec {
    simulatedPeers = List.copyOf(simulatedPeers);
  }

  /** Reads a SPEC file; {@code air_file} is resolved next to it. */
  public static SimulationSpec read(Path file) throws SpecException {
    return SpecReader.read(file);
  }

  /**
   * A SPEC given as JSON; {@code air_file} is resolved against {@code baseDir}.
   *
   * @throws SpecException naming what is wrong, as run-air's usage errors do
   */
  public static SimulationSpec parse(JsonNode spec, Path baseDir) throws SpecException {
    return SpecReader.parse(spec, baseDir);
  }

  /** Reads SPEC text (e.g. from stdin). */
  public static SimulationSpec parse(String json, Path baseDir) throws SpecException {
    try {
      return parse(SpecReader.JSON.readTree(json), baseDir);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new SpecException("SPEC is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /** The simulator's setup for this SPEC under a delivery seed (0: run-air's FIFO order). */
  public SimulationSetup setup(long seed) {
    List<KeyPair> others =
        simulatedPeers.stream().filter(p -> !p.equals(initPeer)).map(peers::key).toList();
    return new SimulationSetup(
        peers.key(initPeer),
        others,
        particleId,
        timestampMs,
        ttlMs,
        seed,
        maxSteps,
        oneResultPerRun,
        AirLimits.AQUAVM_DEFAULTS);
  }

  /** A fresh host for one run: its {@code seq} counters and recordings start empty. */
  public SpecServiceHost newServiceHost() {
    return new SpecServiceHost(this);
  }

  /**
   * The init peer's signature of the particle, base64: Ed25519 over {@code utf8(id) ‖
   * u64le(timestamp) ‖ u32le(ttl) ‖ utf8(script)} (js-client's particle message).
   */
  public String particleSignatureBase64() {
    byte[] id = particleId.getBytes(StandardCharsets.UTF_8);
    byte[] script = air.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message =
        ByteBuffer.allocate(id.length + 12 + script.length).order(ByteOrder.LITTLE_ENDIAN);
    message.put(id).putLong(timestampMs).putInt((int) ttlMs).put(script);
    return Base64.getEncoder().encodeToString(peers.key(initPeer).sign(message.array()));
  }
}
