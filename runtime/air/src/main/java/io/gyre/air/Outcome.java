package io.gyre.air;

import java.util.List;
import java.util.Optional;

/**
 * What one interpreter run produced: the new particle data, the calls to make on this peer, and the
 * peers to send the data to. The data is signed by the current peer when there are next peers;
 * otherwise its newest batch may be unsigned, to be vouched for by the run that sends. With an
 * {@code error} the run failed on this peer: the caller keeps its previous data and sends nothing.
 */
public record Outcome(
    byte[] data,
    List<CallRequest> callRequests,
    List<String> nextPeers,
    Optional<InterpreterError> error) {

  public Outcome {
    callRequests = List.copyOf(callRequests);
    nextPeers = List.copyOf(nextPeers);
  }

  public boolean succeeded() {
    return error.isEmpty();
  }
}
