package io.gyre.wasm.internal.module;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.wasm.DataType;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.NamedType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Aqua types as manifests write them — {@code string}, {@code bool}, {@code u8}…{@code u64}, {@code
 * i8}…{@code i64}, {@code f32}, {@code f64}, {@code []T}, {@code *T}, {@code ?T} and the names of
 * declared data types — and whether a JSON value has one. An option is a JSON array of at most one
 * element, as AIR passes it.
 */
public final class AquaTypes {

  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Map<String, DataType> data;

  public AquaTypes(List<DataType> types) {
    this.data =
        types.stream().collect(Collectors.toMap(DataType::name, Function.identity(), (a, b) -> a));
  }

  /** Checks a type expression; throws a {@link DeployException} naming {@code where}. */
  void check(String type, String where) {
    String element = elementOf(type);
    if (element != null) {
      check(element, where);
    } else if (!isScalar(type) && !data.containsKey(type)) {
      throw new DeployException(
          where
              + " has unknown type \""
              + type
              + "\" (not an Aqua scalar, array, option or declared data type)");
    }
  }

  /** Why {@code value} does not have {@code type}, or empty when it does. */
  public Optional<String> mismatch(String type, JsonNode value) {
    String element = elementOf(type);
    if (element != null) {
      if (!value.isArray()) {
        return Optional.of("expected " + type + " (a JSON array), got " + kind(value));
      }
      if (type.startsWith("?") && value.size() > 1) {
        return Optional.of(
            "expected " + type + " (an array of at most one element), got " + value.size());
      }
      for (JsonNode item : value) {
        Optional<String> inner = mismatch(element, item);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    DataType declared = data.get(type);
    if (declared != null) {
      if (!value.isObject()) {
        return Optional.of("expected " + type + " (a JSON object), got " + kind(value));
      }
      for (NamedType field : declared.fields()) {
        JsonNode fieldValue = value.get(field.name());
        if (fieldValue == null) {
          return Optional.of(type + " lacks field " + field.name());
        }
        Optional<String> inner = mismatch(field.type(), fieldValue);
        if (inner.isPresent()) {
          return Optional.of(type + "." + field.name() + ": " + inner.get());
        }
      }
      return Optional.empty();
    }
    return scalarMismatch(type, value);
  }

  private static Optional<String> scalarMismatch(String type, JsonNode value) {
    boolean fits =
        switch (type) {
          case "string" -> value.isTextual();
          case "bool" -> value.isBoolean();
          case "f32", "f64" -> value.isNumber();
          case "u8" -> inRange(value, BigInteger.ZERO, BigInteger.valueOf(255));
          case "u16" -> inRange(value, BigInteger.ZERO, BigInteger.valueOf(65535));
          case "u32" -> inRange(value, BigInteger.ZERO, BigInteger.valueOf(4294967295L));
          case "u64" -> inRange(value, BigInteger.ZERO, U64_MAX);
          case "i8" -> inRange(value, BigInteger.valueOf(-128), BigInteger.valueOf(127));
          case "i16" -> inRange(value, BigInteger.valueOf(-32768), BigInteger.valueOf(32767));
          case "i32" ->
              inRange(
                  value,
                  BigInteger.valueOf(Integer.MIN_VALUE),
                  BigInteger.valueOf(Integer.MAX_VALUE));
          case "i64" ->
              inRange(
                  value, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
          default -> false;
        };
    return fits ? Optional.empty() : Optional.of("expected " + type + ", got " + describe(value));
  }

  private static boolean inRange(JsonNode value, BigInteger min, BigInteger max) {
    if (!value.isIntegralNumber()) {
      return false;
    }
    BigInteger v = value.bigIntegerValue();
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  private static String elementOf(String type) {
    if (type.startsWith("[]")) {
      return type.substring(2);
    }
    if (type.startsWith("?") || type.startsWith("*")) {
      return type.substring(1);
    }
    return null;
  }

  private static boolean isScalar(String type) {
    return switch (type) {
      case "string", "bool", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64" ->
          true;
      default -> false;
    };
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return kind(value) + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
