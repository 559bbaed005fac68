package io.gyre.air.builtins.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.builtins.BuiltinReply;
import java.util.List;

/** One builtin service function, as js-client implements it. */
@FunctionalInterface
public interface BuiltinFunction {

  /**
   * @param args the call's arguments as JS sees them ({@link io.gyre.air.js.JsValues})
   * @param nowMs the caller's clock (for {@code peer.timestamp_ms})
   * @throws HandlerFailure where js-client's handler throws (e.g. bad base58)
   */
  BuiltinReply call(List<JsonNode> args, long nowMs) throws HandlerFailure;
}
