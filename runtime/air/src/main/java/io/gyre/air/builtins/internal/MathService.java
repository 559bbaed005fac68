package io.gyre.air.builtins.internal;

import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.NUMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsNumbers;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * js-client's {@code math} and {@code cmp} services: two JS numbers (doubles) in, a JS number or
 * boolean out. {@code div} floors ({@code -7 / 2 = -4}) while {@code rem} truncates ({@code -7 % 2
 * = -1}), as JS's {@code Math.floor(x / y)} and {@code x % y} do.
 */
public final class MathService {
  private MathService() {}

  public static Map<String, BuiltinFunction> math() {
    return Map.of(
        "add", arithmetic((x, y) -> x + y),
        "sub", arithmetic((x, y) -> x - y),
        "mul", arithmetic((x, y) -> x * y),
        "fmul", arithmetic((x, y) -> Math.floor(x * y)),
        "div", arithmetic((x, y) -> Math.floor(x / y)),
        "rem", arithmetic((x, y) -> x % y),
        "pow", arithmetic(MathService::jsPow),
        "log", arithmetic((x, y) -> StrictMath.log(y) / StrictMath.log(x)));
  }

  public static Map<String, BuiltinFunction> cmp() {
    return Map.of(
        "gt", comparison((x, y) -> x > y),
        "gte", comparison((x, y) -> x >= y),
        "lt", comparison((x, y) -> x < y),
        "lte", comparison((x, y) -> x <= y),
        "cmp", arithmetic((x, y) -> x == y ? 0 : x > y ? 1 : -1));
  }

  /** JS's Math.pow: like fdlibm's, except that (±1) ** ±∞ is NaN. */
  private static double jsPow(double x, double y) {
    if (Math.abs(x) == 1 && Double.isInfinite(y)) {
      return Double.NaN;
    }
    return StrictMath.pow(x, y);
  }

  private interface DoublePredicate2 {
    boolean test(double x, double y);
  }

  private static BuiltinFunction arithmetic(DoubleBinaryOperator op) {
    return (args, now) ->
        ArgumentSchema.tuple(args, NUMBER, NUMBER)
            .orElseGet(
                () ->
                    BuiltinReply.success(
                        JsNumbers.toNode(op.applyAsDouble(first(args), second(args)))));
  }

  private static BuiltinFunction comparison(DoublePredicate2 op) {
    return (args, now) ->
        ArgumentSchema.tuple(args, NUMBER, NUMBER)
            .orElseGet(
                () ->
                    BuiltinReply.success(BooleanNode.valueOf(op.test(first(args), second(args)))));
  }

  private static double first(List<JsonNode> args) {
    return JsNumbers.toDouble(args.get(0));
  }

  private static double second(List<JsonNode> args) {
    return JsNumbers.toDouble(args.get(1));
  }
}
