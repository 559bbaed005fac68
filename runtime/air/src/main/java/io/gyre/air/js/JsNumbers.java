package io.gyre.air.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript number semantics for JSON values. js-client's builtins compute with JS numbers (IEEE
 * doubles) and print them with {@code Number.prototype.toString}, so a Java port must do the same:
 * {@code 2**64} prints {@code 18446744073709552000}, {@code 1e21} prints {@code 1e+21}, and {@code
 * 0.1 + 0.2} prints {@code 0.30000000000000004}.
 */
public final class JsNumbers {
  private static final double TWO_POW_53 = 9007199254740992.0;

  private JsNumbers() {}

  /** The double a JS program sees for this JSON number (JSON.parse rounds to the nearest). */
  public static double toDouble(JsonNode number) {
    if (number.isBigInteger()) {
      return number.bigIntegerValue().doubleValue();
    }
    if (number.isBigDecimal()) {
      return Double.parseDouble(number.decimalValue().toString());
    }
    return number.doubleValue();
  }

  /**
   * The JSON node for a JS number: what a JSON parser reads back from {@code JSON.stringify(d)}.
   * Integral values become integer nodes, others {@link DoubleNode}s; NaN and the infinities, which
   * JSON.stringify prints as {@code null}, become {@link NullNode}.
   */
  public static JsonNode toNode(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return NullNode.getInstance();
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      if (Math.abs(d) <= Integer.MAX_VALUE) {
        return IntNode.valueOf((int) d);
      }
      if (Math.abs(d) <= TWO_POW_53) {
        return LongNode.valueOf((long) d);
      }
      // Beyond 2^53 JS prints the shortest digits padded with zeros (2^60 is
      // 1152921504606847000): keep exactly what a reader of that text gets.
      BigInteger printed = new BigInteger(toJsString(d));
      return printed.bitLength() < 64
          ? LongNode.valueOf(printed.longValue())
          : BigIntegerNode.valueOf(printed);
    }
    return DoubleNode.valueOf(d);
  }

  /** A JSON number node as JS would hold it (e.g. 9007199254740993 becomes 9007199254740992). */
  public static JsonNode normalize(JsonNode number) {
    if (number.isInt() || (number.isLong() && Math.abs(number.longValue()) <= (long) TWO_POW_53)) {
      return number;
    }
    return toNode(toDouble(number));
  }

  /** {@code Number.prototype.toString()} (ECMA-262 Number::toString, radix 10). */
  public static String toJsString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < TWO_POW_53) {
      return Long.toString((long) d);
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal shortest = shortestDecimal(Math.abs(d));
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    // value = 0.digits × 10^n, in the spec's notation
    int n = k - shortest.scale();
    return sign + layout(digits, k, n);
  }

  private static String layout(String digits, int k, int n) {
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String exponent = (e < 0 ? "-" : "+") + Math.abs(e);
    if (k == 1) {
      return digits + "e" + exponent;
    }
    return digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
  }

  /**
   * The shortest decimal that reads back as {@code d} (positive, finite), the closest one when
   * several have that length; trailing zeros stripped.
   */
  private static BigDecimal shortestDecimal(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(nearest.toString()) == d) {
        return nearest.stripTrailingZeros();
      }
      // Next to a power of two the interval that reads back as d is lopsided: the nearest
      // candidate can miss it while the one on the other side is inside.
      BigDecimal other =
          exact.round(
              new MathContext(
                  precision,
                  nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR));
      if (Double.parseDouble(other.toString()) == d) {
        return other.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
