package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.internal.json.Json;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.syntax.Instruction;

/**
 * {@code (fail ...)}: raises a catchable error. %last_error% becomes the raised object; {@code
 * (fail :error:)} re-raises the error being handled as it was.
 */
final class FailExecutor {
  private FailExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Fail fail = (Instruction.Fail) f.instruction;
    ExecutionState st = m.st;
    st.complete = false;
    try {
      Instruction.FailForm form = fail.form();
      if (form instanceof Instruction.FailLiteral literal) {
        ObjectNode object = Json.NODES.objectNode();
        object.put("error_code", literal.code());
        object.put("instruction", fail.text());
        object.put("message", literal.message());
        object.put("peer_id", st.initPeer);
        raise(m, f, object);
      } else if (form instanceof Instruction.FailValue value) {
        JsonNode object = Resolver.resolve(st, value.value()).node();
        checkErrorObject(object);
        raise(m, f, object);
      } else if (form instanceof Instruction.FailLastError) {
        JsonNode object = st.errors.lastError();
        checkErrorObject(object);
        raise(m, f, object);
      } else {
        JsonNode object = st.errors.error();
        checkErrorObject(object);
        AirError original = st.errors.originalCatchable();
        st.errors.lastErrorFromObject(object);
        st.errors.disableError();
        m.finish(f, original != null ? original : AirError.user(object, SerdeJson.compact(object)));
      }
    } catch (AirException e) {
      m.fail(f, e);
    }
  }

  private static void raise(Machine m, Frame f, JsonNode object) {
    m.st.errors.lastErrorFromObject(object);
    m.finish(f, AirError.user(object, SerdeJson.compact(object)));
  }

  /** An error object has a non-zero integer error_code and a string message. */
  private static void checkErrorObject(JsonNode object) {
    String problem = null;
    if (!object.isObject()) {
      problem = "scalar must be an object, but it is '" + SerdeJson.compact(object) + "'";
    } else if (!object.has("error_code")) {
      problem = "scalar '" + SerdeJson.compact(object) + "' must have field with name 'error_code'";
    } else if (!object.get("error_code").isIntegralNumber()) {
      problem =
          "field with name 'error_code' of scalar '"
              + SerdeJson.compact(object)
              + "' must have integer type";
    } else if (object.get("error_code").longValue() == 0) {
      problem = "error code must be non-zero";
    } else if (!object.has("message")) {
      problem = "scalar '" + SerdeJson.compact(object) + "' must have field with name 'message'";
    } else if (!object.get("message").isTextual()) {
      problem =
          "field with name 'message' of scalar '"
              + SerdeJson.compact(object)
              + "' must have string type";
    }
    if (problem != null) {
      throw new AirException(AirError.catchable(AirError.INVALID_ERROR_OBJECT, problem));
    }
  }
}
