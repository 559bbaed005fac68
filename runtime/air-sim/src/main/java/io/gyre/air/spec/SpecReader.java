package io.gyre.air.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.js.JsValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns SPEC JSON into a {@link SimulationSpec} exactly as run-air.mjs reads it. */
final class SpecReader {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final long DEFAULT_TTL_MS = 10_000;
  private static final long DEFAULT_TIMESTAMP_MS = 1_700_000_000_000L;
  private static final String DEFAULT_PARTICLE_ID = "oracle-particle-0001";
  private static final int DEFAULT_MAX_STEPS = 1000;
  private static final long MAX_TTL_MS = 0xFFFF_FFFFL; // a u32 in the particle signature

  private SpecReader() {}

  static SimulationSpec read(Path file) throws SpecException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e.getMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    return SimulationSpec.parse(text, base == null ? Path.of("") : base);
  }

  static SimulationSpec parse(JsonNode spec, Path baseDir) throws SpecException {
    if (!spec.isObject()) {
      throw new SpecException("SPEC must be a JSON object");
    }
    String air = air(spec, baseDir);
    PeerBook peers = peerBook(spec);

    String initPeer = peers.resolve(peerRef(spec.path("init_peer"), "init", "SPEC.init_peer"));
    List<String> listed = new ArrayList<>();
    JsonNode peerList = spec.path("peers");
    if (!absent(peerList) && !peerList.isArray()) {
      throw new SpecException("SPEC.peers must be an array of peer names or ids");
    }
    for (JsonNode p : peerList) {
      listed.add(peers.resolve(peerRef(p, null, "SPEC.peers")));
    }
    String relay =
        spec.has("relay")
            ? peers.resolve(peerRef(spec.get("relay"), null, "SPEC.relay"))
            : listed.stream().filter(p -> !p.equals(initPeer)).findFirst().orElse(initPeer);
    Set<String> simulated = new LinkedHashSet<>();
    simulated.add(initPeer);
    simulated.add(relay);
    simulated.addAll(listed);

    ObjectNode args = substituted(objectOrEmpty(spec, "args"), peers);
    ObjectNode services = substituted(objectOrEmpty(spec, "services"), peers);
    long timestamp = natural(spec, "timestamp_ms", DEFAULT_TIMESTAMP_MS, Long.MAX_VALUE);
    return new SimulationSpec(
        air,
        initPeer,
        relay,
        List.copyOf(simulated),
        peers,
        args,
        services,
        natural(spec, "ttl_ms", DEFAULT_TTL_MS, MAX_TTL_MS),
        timestamp,
        natural(spec, "peer_timestamp_ms", timestamp + 1000, Long.MAX_VALUE),
        text(spec, "particle_id", DEFAULT_PARTICLE_ID),
        (int) natural(spec, "max_steps", DEFAULT_MAX_STEPS, Integer.MAX_VALUE),
        bool(spec, "one_result_per_run").orElse(false),
        bool(spec, "trace"));
  }

  private static String air(JsonNode spec, Path baseDir) throws SpecException {
    JsonNode air = spec.path("air");
    if (air.isMissingNode() && spec.path("air_file").isTextual()) {
      Path file = baseDir.resolve(spec.get("air_file").textValue());
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new SpecException("SPEC.air_file: cannot read " + file + ": " + e.getMessage());
      }
    }
    if (!air.isTextual()) {
      throw new SpecException("SPEC.air (or SPEC.air_file) must be a string");
    }
    return air.textValue();
  }

  private static PeerBook peerBook(JsonNode spec) throws SpecException {
    PeerBook peers = new PeerBook();
    JsonNode keys = spec.path("keys");
    if (!absent(keys) && !keys.isObject()) {
      throw new SpecException("SPEC.keys must be an object: name or peer id -> secret key");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> key = it.next();
      if (!key.getValue().isTextual()) {
        throw new SpecException(
            "SPEC.keys." + key.getKey() + " must be a string (base64 or 64 hex digits)");
      }
      peers.addKey(key.getKey(), key.getValue().textValue());
    }
    JsonNode seeds = spec.path("seeds");
    if (!absent(seeds) && !seeds.isArray()) {
      throw new SpecException("SPEC.seeds must be an array of names");
    }
    for (JsonNode seed : seeds) {
      if (!seed.isTextual()) {
        throw new SpecException("SPEC.seeds: a seed name must be a string: " + seed);
      }
      peers.addNamed(seed.textValue());
    }
    PeerBook.DEFAULT_NAMES.forEach(peers::addNamed);
    return peers;
  }

  private static String peerRef(JsonNode ref, String fallback, String where) throws SpecException {
    if (absent(ref) && fallback != null) {
      return fallback;
    }
    if (!ref.isTextual()) {
      throw new SpecException(where + ": peer must be a string: " + ref);
    }
    return ref.textValue();
  }

  private static ObjectNode objectOrEmpty(JsonNode spec, String field) throws SpecException {
    JsonNode value = spec.path(field);
    if (absent(value)) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!value.isObject()) {
      throw new SpecException("SPEC." + field + " must be an object");
    }
    return (ObjectNode) value;
  }

  /**
   * Every {@code "@peer:NAME"} string (not keys) replaced by the peer id, values as JS has them.
   */
  private static ObjectNode substituted(ObjectNode value, PeerBook peers) throws SpecException {
    return (ObjectNode) JsValues.normalize(substitute(value, peers));
  }

  private static JsonNode substitute(JsonNode value, PeerBook peers) throws SpecException {
    if (value.isTextual() && value.textValue().startsWith("@peer:")) {
      return TextNode.valueOf(peers.resolve(value.textValue()));
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : value) {
        out.add(substitute(element, peers));
      }
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.set(field.getKey(), substitute(field.getValue(), peers));
      }
      return out;
    }
    return value;
  }

  private static long natural(JsonNode spec, String field, long fallback, long max)
      throws SpecException {
    JsonNode value = spec.path(field);
    if (absent(value)) {
      return fallback;
    }
    boolean integral =
        value.isIntegralNumber()
            ? value.canConvertToLong()
            : value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
    if (!integral || value.asLong() < 0 || value.asLong() > max) {
      throw new SpecException(
          "SPEC." + field + " must be an integer from 0 to " + max + ": " + value);
    }
    return value.asLong();
  }

  private static String text(JsonNode spec, String field, String fallback) throws SpecException {
    JsonNode value = spec.path(field);
    if (absent(value)) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new SpecException("SPEC." + field + " must be a string: " + value);
    }
    return value.textValue();
  }

  private static Optional<Boolean> bool(JsonNode spec, String field) throws SpecException {
    JsonNode value = spec.path(field);
    if (absent(value)) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw new SpecException("SPEC." + field + " must be true or false: " + value);
    }
    return Optional.of(value.booleanValue());
  }

  /** Missing or null: run-air reads these fields with {@code ??}, which takes both as absent. */
  private static boolean absent(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }
}
