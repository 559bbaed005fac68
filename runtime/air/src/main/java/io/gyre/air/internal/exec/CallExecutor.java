package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.data.ByteReader;
import io.gyre.air.internal.data.DataIndex;
import io.gyre.air.internal.data.Records;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.js.JsJson;
import io.gyre.air.syntax.Instruction;
import io.gyre.air.syntax.Value;
import io.gyre.air.syntax.VariableKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code (call peer (service function) [args] output)}. A known result (signed by the call's peer)
 * is replayed; a call on this peer becomes a call request once and waits for its result; a call on
 * another peer sends the particle there once and waits.
 */
final class CallExecutor {
  private CallExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Call call = (Instruction.Call) f.instruction;
    ExecutionState st = m.st;
    String peer = null;
    try {
      peer = triplet(st, call.peer());
      String service = triplet(st, call.service());
      String function = triplet(st, call.function());
      List<Resolver.Argument> args = new ArrayList<>(call.args().size());
      for (Value arg : call.args()) {
        args.add(Resolver.argument(st, arg));
      }
      execute(m, call, peer, service, function, args);
    } catch (AirException e) {
      AirError error = e.error;
      if (error.joinable()) {
        st.complete = false;
        m.finishRecorded(null);
        return;
      }
      st.errors.onError(error, call, peer != null ? peer : st.currentPeer, st.currentPeer);
      m.finishRecorded(error);
    }
  }

  private static String triplet(ExecutionState st, Value value) {
    if (value instanceof Value.Literal literal) {
      return literal.value();
    }
    if (value instanceof Value.InitPeerId) {
      return st.initPeer;
    }
    JsonNode node = Resolver.resolve(st, value).node();
    if (!node.isTextual()) {
      throw new AirException(
          AirError.catchable(
              AirError.NON_STRING_TRIPLET,
              "call cannot resolve non-String triplet variable part `"
                  + value.text()
                  + "` with value '"
                  + SerdeJson.compact(node)
                  + "'"));
    }
    return node.textValue();
  }

  private static void execute(
      Machine m,
      Instruction.Call call,
      String peer,
      String service,
      String function,
      List<Resolver.Argument> args) {
    ExecutionState st = m.st;
    long key = st.key(call.id());
    Tetraplet tetraplet = new Tetraplet(peer, service, function, "");
    DataIndex.Entry entry = st.index.result(key);
    if (entry != null) {
      replay(m, call, peer, tetraplet, key, entry);
      return;
    }
    if (!peer.equals(st.currentPeer)) {
      st.sendOnce(key, peer);
      st.complete = false;
      m.finishRecorded(null);
      return;
    }
    int requestId = st.index.pendingRequest(key);
    if (requestId < 0) {
      requestId = st.index.lastRequestId() + 1;
      st.index.putPending(key, requestId);
      st.newBatch.pending(key, requestId);
      List<JsonNode> nodes = new ArrayList<>(args.size());
      List<List<Tetraplet>> tetraplets = new ArrayList<>(args.size());
      for (Resolver.Argument arg : args) {
        nodes.add(arg.node());
        tetraplets.add(arg.tetraplets());
      }
      st.callRequests.add(new CallRequest(requestId, service, function, nodes, tetraplets));
      st.complete = false;
      m.finishRecorded(null);
      return;
    }
    CallResult result = st.callResults.get(requestId);
    if (result == null) {
      st.complete = false;
      m.finishRecorded(null);
      return;
    }
    st.consumedResults.add(requestId);
    int rank = st.index.newRank();
    if (result.succeeded()) {
      byte[] json = st.callResultJson.get(requestId);
      st.newBatch.callOk(key, json);
      st.index.putResult(key, new DataIndex.Entry(rank, Records.CALL_OK, json, 0, json.length));
      output(m, call, Val.fresh(result.result(), json, tetraplet), rank, key);
    } else {
      String message = JsJson.stringify(result.result(), 4);
      st.newBatch.callFailed(key, result.retCode(), message);
      fail(m, call, peer, result.retCode(), message);
    }
  }

  private static void replay(
      Machine m,
      Instruction.Call call,
      String peer,
      Tetraplet tetraplet,
      long key,
      DataIndex.Entry entry) {
    ExecutionState st = m.st;
    String author = st.index.author(entry.rank());
    if (!author.equals(peer)) {
      throw new AirException(
          AirError.uncatchable(
              AirError.DATA_INCONSISTENT,
              "the result of '"
                  + call.text().trim()
                  + "' is signed by "
                  + author
                  + ", not by the call's peer "
                  + peer));
    }
    if (entry.type() == Records.CALL_OK) {
      Val value = Val.lazy(entry.buf(), entry.offset(), entry.end() - entry.offset(), tetraplet);
      output(m, call, value, entry.rank(), key);
      return;
    }
    ByteReader in = new ByteReader(entry.buf(), entry.offset(), entry.end());
    int retCode = (int) in.zigzag();
    fail(m, call, peer, retCode, in.string());
  }

  private static void fail(
      Machine m, Instruction.Call call, String peer, int retCode, String message) {
    ExecutionState st = m.st;
    AirError error =
        AirError.catchable(
            AirError.LOCAL_SERVICE,
            "Local service error, ret_code is " + retCode + ", error message is '" + message + "'");
    st.errors.onError(error, call, peer, st.currentPeer);
    m.finishRecorded(error);
  }

  private static void output(Machine m, Instruction.Call call, Val value, int rank, long key) {
    ExecutionState st = m.st;
    if (call.output().isPresent()) {
      Instruction.Output output = call.output().get();
      if (output.kind() == VariableKind.STREAM) {
        st.scopes
            .streamForWrite(output.name())
            .add(value, rank, key, st.limits.maxStreamElements());
      } else {
        st.scopes.set(output.name(), value);
      }
    }
    m.finishRecorded(null);
  }
}
