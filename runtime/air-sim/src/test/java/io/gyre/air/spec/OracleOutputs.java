package io.gyre.air.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.CallRequest;
import io.gyre.air.simulation.SimulatedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SPECs under test resources {@code io/gyre/air/spec} and what the real run-air printed for
 * each ({@code *.out.json}, from {@code src/test/node/run-air-golden.mjs}).
 */
final class OracleOutputs {
  static final ObjectMapper JSON = new ObjectMapper();

  private OracleOutputs() {}

  static Path directory() {
    try {
      return Path.of(OracleOutputs.class.getResource("mock-forms.spec.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every SPEC file that has an oracle output next to it. */
  static List<Path> specs() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".spec.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path output(Path spec) {
    return spec.resolveSibling(spec.getFileName().toString().replace(".spec.json", ".out.json"));
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call the oracle recorded, as the simulator would hand it to a service host. */
  static SimulatedCall simulatedCall(JsonNode call, String particleId, String initPeer) {
    List<JsonNode> args = new ArrayList<>();
    call.get("args").forEach(args::add);
    CallRequest request =
        new CallRequest(
            call.get("key").asInt(),
            call.get("service").asText(),
            call.get("function").asText(),
            args,
            Collections.nCopies(args.size(), List.of()));
    return new SimulatedCall(call.get("peer").asText(), request, particleId, initPeer, 0);
  }
}
