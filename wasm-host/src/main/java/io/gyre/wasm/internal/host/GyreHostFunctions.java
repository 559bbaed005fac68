package io.gyre.wasm.internal.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Memory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Tetraplet;
import io.gyre.wasm.internal.call.ContextSlot;
import io.gyre.wasm.internal.module.HostImports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The host functions of the {@code gyre} namespace: {@code log(level, ptr, len)}, {@code fail(ptr,
 * len)} and {@code call_parameters(ptr, capacity) -> len}.
 */
public final class GyreHostFunctions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] LEVELS = {"error", "warn", "info", "debug", "trace"};

  /** A single message longer than this is cut, so one call cannot blow the host's heap. */
  private static final int MAX_MESSAGE_BYTES = 64 << 10;

  private GyreHostFunctions() {}

  /** The host function {@code gyre.name}, bound to the calls of one service. */
  public static Optional<HostFunction> function(String name, ContextSlot slot) {
    var type = HostImports.lookup(HostImports.GYRE, name).type();
    return switch (name) {
      case "log" ->
          Optional.of(
              new HostFunction(
                  HostImports.GYRE,
                  name,
                  type,
                  (instance, args) -> {
                    int level = (int) args[0];
                    String text = readText(instance.memory(), (int) args[1], (int) args[2]);
                    slot.current()
                        .log()
                        .add(level >= 0 && level < LEVELS.length ? LEVELS[level] : "info", text);
                    return null;
                  }));
      case "fail" ->
          Optional.of(
              new HostFunction(
                  HostImports.GYRE,
                  name,
                  type,
                  (instance, args) -> {
                    slot.current().fail(readText(instance.memory(), (int) args[0], (int) args[1]));
                    return null;
                  }));
      case "call_parameters" ->
          Optional.of(
              new HostFunction(
                  HostImports.GYRE,
                  name,
                  type,
                  (instance, args) -> {
                    byte[] json = callParametersJson(slot.current().parameters());
                    if (Integer.toUnsignedLong((int) args[1]) >= json.length) {
                      instance.memory().write((int) args[0], json);
                    }
                    return new long[] {json.length};
                  }));
      default -> Optional.empty();
    };
  }

  private static String readText(Memory memory, int ptr, int len) {
    int length = Math.min(len, MAX_MESSAGE_BYTES);
    return new String(memory.readBytes(ptr, Math.max(length, 0)), StandardCharsets.UTF_8);
  }

  /** The call parameters as modules read them (field names as Marine's call parameters). */
  static byte[] callParametersJson(CallParameters parameters) {
    ObjectNode root = JSON.createObjectNode();
    root.put("init_peer_id", parameters.initPeerId());
    root.put("particle_id", parameters.particleId());
    root.put("service_id", parameters.serviceId());
    root.put("host_id", parameters.hostPeerId());
    root.put("timestamp", parameters.timestampMs());
    ArrayNode tetraplets = root.putArray("tetraplets");
    for (List<Tetraplet> argument : parameters.tetraplets()) {
      ArrayNode list = tetraplets.addArray();
      for (Tetraplet t : argument) {
        list.addObject()
            .put("peer_pk", t.peerPk())
            .put("service_id", t.serviceId())
            .put("function_name", t.functionName())
            .put("lens", t.lens());
      }
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
