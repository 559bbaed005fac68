package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.internal.json.Json;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.syntax.Instruction;
import io.gyre.air.syntax.VariableKind;

/**
 * {@code (ap value result)} and {@code (ap (key value) %map)}. Into a scalar it just binds; into a
 * stream or map it adds an element whose place (its batch's rank) is recorded the first time.
 */
final class ApExecutor {
  private ApExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Ap ap = (Instruction.Ap) f.instruction;
    ExecutionState st = m.st;
    try {
      Val value = Resolver.resolve(st, ap.argument());
      if (ap.result().kind() == VariableKind.STREAM) {
        addToStream(st, ap.id(), ap.result().name(), value);
      } else {
        st.scopes.set(ap.result().name(), value);
      }
      m.finish(f, null);
    } catch (AirException e) {
      m.fail(f, e);
    }
  }

  static void stepMap(Machine m, Frame f) {
    Instruction.ApMap ap = (Instruction.ApMap) f.instruction;
    ExecutionState st = m.st;
    try {
      Val key = Resolver.resolve(st, ap.key());
      Val value = Resolver.resolve(st, ap.value());
      JsonNode keyNode = key.node();
      if (!keyNode.isTextual() && !keyNode.isIntegralNumber()) {
        throw new AirException(
            AirError.catchable(
                AirError.STREAM_MAP,
                "unsupported type for a stream map key: '" + SerdeJson.compact(keyNode) + "'"));
      }
      ObjectNode element = Json.NODES.objectNode();
      element.set("key", keyNode);
      element.set("value", value.node());
      addToStream(st, ap.id(), ap.map(), Val.of(element, value.tetraplet));
      m.finish(f, null);
    } catch (AirException e) {
      m.fail(f, e);
    }
  }

  private static void addToStream(ExecutionState st, int instructionId, String stream, Val value) {
    long key = st.key(instructionId);
    int rank = st.index.apRank(key);
    if (rank < 0) {
      rank = st.index.newRank();
      st.index.putAp(key, rank);
      st.newBatch.ap(key);
    }
    st.scopes.streamForWrite(stream).add(value, rank, key, st.limits.maxStreamElements());
  }
}
