package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a builtin's arguments by Aqua type, with errors that name the function and argument. */
final class Arguments {
  private Arguments() {}

  static String string(ServiceCall call, int index, String name) {
    JsonNode value = call.argument(index);
    if (!value.isTextual()) {
      throw wrongType(call, name, "a string", value);
    }
    return value.textValue();
  }

  static long unsigned(ServiceCall call, int index, String name) {
    JsonNode value = call.argument(index);
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
      throw wrongType(call, name, "a non-negative integer", value);
    }
    return value.longValue();
  }

  static List<String> strings(ServiceCall call, int index, String name) {
    JsonNode value = call.argument(index);
    if (!value.isArray()) {
      throw wrongType(call, name, "an array of strings", value);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(call, name, "an array of strings", value);
      }
      out.add(element.textValue());
    }
    return out;
  }

  /** An Aqua option ({@code []} or {@code [x]}); an absent trailing argument is none. */
  static Optional<JsonNode> option(ServiceCall call, int index, String name) {
    if (index >= call.arguments().size()) {
      return Optional.empty();
    }
    JsonNode value = call.arguments().get(index);
    if (value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray() || value.size() > 1) {
      throw wrongType(call, name, "an option ([] or [value])", value);
    }
    return value.size() == 0 ? Optional.empty() : Optional.of(value.get(0));
  }

  static ServiceException wrongType(ServiceCall call, String name, String expected, JsonNode got) {
    String shown = got.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return failure(call, "argument '" + name + "' must be " + expected + ", got " + shown);
  }

  /** A failed builtin call, named as the script wrote it: {@code service.function: problem}. */
  static ServiceException failure(ServiceCall call, String problem) {
    return new ServiceException(call.serviceId() + "." + call.functionName() + ": " + problem);
  }
}
