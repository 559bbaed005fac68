package io.gyre.air.internal.exec;

import io.gyre.air.AirLimits;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.RunContext;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.data.DataIndex;
import io.gyre.air.internal.data.LongMap;
import io.gyre.air.internal.data.NewBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything one run reads and writes besides the instruction frames. */
final class ExecutionState {
  final RunContext context;
  final String currentPeer;
  final String initPeer;
  final AirLimits limits;
  final DataIndex index;
  final NewBatch newBatch = new NewBatch();
  final Map<Integer, CallResult> callResults;
  final Map<Integer, byte[]> callResultJson;
  final Set<Integer> consumedResults = new HashSet<>();
  final List<CallRequest> callRequests = new ArrayList<>();
  final Set<String> nextPeers = new LinkedHashSet<>();
  final Scopes scopes = new Scopes();
  final ErrorState errors = new ErrorState();
  final Tetraplet literalTetraplet;

  /** Canon elements already decoded this run, by content key (snapshots share elements). */
  final LongMap<Val> canonElements = new LongMap<>(16);

  /** AquaVM's "subgraph complete" flag: false once something has to wait. */
  boolean complete = true;

  /** The fold-iteration path of the instruction being executed (see {@link Identity}). */
  long path = Identity.ROOT;

  ExecutionState(
      RunContext context,
      AirLimits limits,
      DataIndex index,
      Map<Integer, CallResult> callResults,
      Map<Integer, byte[]> callResultJson) {
    this.context = context;
    this.currentPeer = context.currentPeerId();
    this.initPeer = context.initPeerId();
    this.limits = limits;
    this.index = index;
    this.callResults = callResults;
    this.callResultJson = callResultJson;
    this.literalTetraplet = new Tetraplet(initPeer, "", "", "");
  }

  /**
   * The instruction {@code key} runs on {@code peer}: the data goes there, once — a replay that
   * finds the hand-over already recorded sends nothing again.
   */
  void sendOnce(long key, String peer) {
    if (!index.sent(key)) {
      index.putSent(key);
      newBatch.sent(key);
      nextPeers.add(peer);
    }
  }

  long key(int instructionId) {
    return Identity.key(path, instructionId);
  }
}
