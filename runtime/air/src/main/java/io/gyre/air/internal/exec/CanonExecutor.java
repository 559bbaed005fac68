package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.data.DataIndex;
import io.gyre.air.internal.data.Records;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.syntax.Instruction;
import io.gyre.air.syntax.VariableKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code (canon peer $s #c)}, {@code (canon peer %m #%c)}, {@code (canon peer %m obj)}: on its
 * peer, fixes the stream's current elements into a recorded snapshot that every later peer replays;
 * on another peer it sends the particle there once and waits.
 */
final class CanonExecutor {
  private CanonExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Canon canon = (Instruction.Canon) f.instruction;
    ExecutionState st = m.st;
    try {
      JsonNode peerNode = Resolver.resolve(st, canon.peer()).node();
      if (!peerNode.isTextual()) {
        throw new AirException(
            AirError.catchable(
                AirError.NON_STRING_TRIPLET,
                "canon cannot resolve a non-string peer id '" + SerdeJson.compact(peerNode) + "'"));
      }
      String peer = peerNode.textValue();
      long key = st.key(canon.id());
      Tetraplet tetraplet = new Tetraplet(peer, "", "", "");
      DataIndex.Entry entry = st.index.result(key);
      if (entry != null) {
        String author = st.index.author(entry.rank());
        if (!author.equals(peer)) {
          throw new AirException(
              AirError.uncatchable(
                  AirError.DATA_INCONSISTENT,
                  "the snapshot of '"
                      + canon.text()
                      + "' is signed by "
                      + author
                      + ", not by "
                      + peer));
        }
        bind(st, canon, elements(st, canon, entry), tetraplet);
        m.finish(f, null);
        return;
      }
      if (!peer.equals(st.currentPeer)) {
        st.sendOnce(key, peer);
        st.complete = false;
        m.finish(f, null);
        return;
      }
      StreamInstance stream = st.scopes.stream(canon.source());
      List<Val> elements = new ArrayList<>(stream == null ? 0 : stream.size());
      long[] keys = new long[stream == null ? 0 : stream.size()];
      if (stream != null) {
        int rank = st.index.newRank();
        for (int i = 0; i < keys.length; i++) {
          Val value = stream.get(i).value();
          elements.add(value);
          byte[] payload = value.canonPayload();
          keys[i] = value.canonKey();
          if (st.index.value(keys[i]) == null) {
            st.newBatch.value(keys[i], payload);
            st.index.putValue(
                keys[i], new DataIndex.Entry(rank, Records.VALUE, payload, 0, payload.length));
          }
        }
      }
      st.newBatch.canon(key, keys);
      bind(st, canon, elements, tetraplet);
      m.finish(f, null);
    } catch (AirException e) {
      m.fail(f, e);
    }
  }

  /** The snapshot's elements, each decoded once per run however many snapshots share it. */
  private static List<Val> elements(
      ExecutionState st, Instruction.Canon canon, DataIndex.Entry entry) {
    long[] keys = Records.readCanon(entry.buf(), entry.offset(), entry.end());
    List<Val> elements = new ArrayList<>(keys.length);
    for (long valueKey : keys) {
      Val value = st.canonElements.get(valueKey);
      if (value == null) {
        DataIndex.Entry stored = st.index.value(valueKey);
        if (stored == null) {
          throw new AirException(
              AirError.uncatchable(
                  AirError.DATA_INCONSISTENT,
                  "an element of the snapshot of '" + canon.text() + "' is missing from the data"));
        }
        Records.CanonElement element =
            Records.readValue(stored.buf(), stored.offset(), stored.end());
        byte[] payload = java.util.Arrays.copyOfRange(stored.buf(), stored.offset(), stored.end());
        value =
            Val.lazy(element.json(), element.offset(), element.length(), element.tetraplet())
                .withCanonKey(valueKey, payload);
        st.canonElements.put(valueKey, value);
      }
      elements.add(value);
    }
    return elements;
  }

  private static void bind(
      ExecutionState st, Instruction.Canon canon, List<Val> elements, Tetraplet tetraplet) {
    if (canon.targetKind() == VariableKind.SCALAR) {
      st.scopes.set(canon.target(), Val.of(CanonMaps.firstValues(elements), tetraplet));
    } else {
      boolean map = canon.targetKind() == VariableKind.CANON_MAP;
      st.scopes.set(canon.target(), new CanonValue(elements, tetraplet, map));
    }
  }
}
