package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.internal.json.Json;

/**
 * AquaVM's two error variables. {@code :error:} is the error being handled: set by the innermost
 * failing instruction, frozen while the error bubbles up, unfrozen when an {@code xor} catches, and
 * cleared when that {@code xor}'s right branch ends. {@code %last_error%} is the last error seen:
 * set once per bubbling, re-armed by a caught error or a {@code par} that survives one.
 */
final class ErrorState {
  private JsonNode error = noError();
  private boolean errorEnabled = true;
  private AirError originalCatchable;
  private JsonNode lastError = noError();
  private boolean lastErrorCanBeSet = true;

  static ObjectNode noError() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("error_code", 0);
    node.put("message", "");
    return node;
  }

  JsonNode error() {
    return error;
  }

  JsonNode lastError() {
    return lastError;
  }

  AirError originalCatchable() {
    return originalCatchable;
  }

  /**
   * Records an error that an instruction raised.
   *
   * @param callPeer for a call, the peer it targets (the error objects name it); null otherwise
   */
  void onError(AirError e, String instruction, String callPeer, String currentPeer) {
    if (lastErrorCanBeSet && e.affectsLastError()) {
      lastError = object(e, instruction, callPeer != null ? callPeer : currentPeer);
      lastErrorCanBeSet = false;
    }
    if (errorEnabled && e.affectsError()) {
      error = object(e, instruction, callPeer);
      originalCatchable = null;
    }
    errorEnabled = false;
  }

  private static JsonNode object(AirError e, String instruction, String peerId) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("error_code", e.code);
    node.put("instruction", instruction);
    node.put("message", e.message);
    if (peerId != null) {
      node.put("peer_id", peerId);
    }
    return node;
  }

  /** {@code fail} sets %last_error% to the raised object itself. */
  void lastErrorFromObject(JsonNode object) {
    lastError = object;
    lastErrorCanBeSet = false;
  }

  void disableError() {
    errorEnabled = false;
  }

  void onXorCatch(AirError caught) {
    lastErrorCanBeSet = true;
    originalCatchable = caught;
    errorEnabled = true;
  }

  void onXorRightEnd(boolean succeeded) {
    if (errorEnabled) {
      error = noError();
      originalCatchable = null;
    }
    if (succeeded) {
      errorEnabled = true;
    }
  }

  void onParSucceeded() {
    lastErrorCanBeSet = true;
  }
}
