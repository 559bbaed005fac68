package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.internal.json.Json;
import io.gyre.air.syntax.Instruction;

/**
 * AquaVM's two error variables. {@code :error:} is the error being handled: set by the innermost
 * failing instruction, frozen while the error bubbles up, unfrozen when an {@code xor} catches, and
 * cleared when that {@code xor}'s right branch ends. {@code %last_error%} is the last error seen:
 * set once per bubbling, re-armed by a caught error or a {@code par} that survives one.
 */
final class ErrorState {
  private static final JsonNode NO_ERROR = noError();

  /**
   * An error object built only when something reads it: most errors (a failed match in a filter
   * loop, say) are caught and never looked at.
   */
  private static final class Pending {
    private final AirError error;
    private final Instruction instruction;
    private final String peerId;
    private JsonNode node;

    Pending(AirError error, Instruction instruction, String peerId) {
      this.error = error;
      this.instruction = instruction;
      this.peerId = peerId;
    }

    JsonNode node() {
      if (node == null) {
        ObjectNode object = Json.NODES.objectNode();
        object.put("error_code", error.code);
        object.put("instruction", instruction.text());
        object.put("message", error.message);
        if (peerId != null) {
          object.put("peer_id", peerId);
        }
        node = object;
      }
      return node;
    }
  }

  private Object error = NO_ERROR;
  private boolean errorEnabled = true;
  private AirError originalCatchable;
  private Object lastError = NO_ERROR;
  private boolean lastErrorCanBeSet = true;

  private static ObjectNode noError() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("error_code", 0);
    node.put("message", "");
    return node;
  }

  private static JsonNode node(Object value) {
    return value instanceof Pending pending ? pending.node() : (JsonNode) value;
  }

  JsonNode error() {
    return node(error);
  }

  JsonNode lastError() {
    return node(lastError);
  }

  AirError originalCatchable() {
    return originalCatchable;
  }

  /**
   * Records an error that an instruction raised.
   *
   * @param callPeer for a call, the peer it targets (the error objects name it); null otherwise
   */
  void onError(AirError e, Instruction instruction, String callPeer, String currentPeer) {
    if (lastErrorCanBeSet && e.affectsLastError()) {
      lastError = new Pending(e, instruction, callPeer != null ? callPeer : currentPeer);
      lastErrorCanBeSet = false;
    }
    if (errorEnabled && e.affectsError()) {
      error = new Pending(e, instruction, callPeer);
      originalCatchable = null;
    }
    errorEnabled = false;
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
      error = NO_ERROR;
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
