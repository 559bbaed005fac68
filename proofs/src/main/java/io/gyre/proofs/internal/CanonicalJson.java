package io.gyre.proofs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as canonical bytes (proofs/README.md, "Canonical JSON"): one type byte, then the
 * value; object members sorted by the UTF-8 bytes of their names. Two JSON texts that parse to the
 * same value give the same bytes whatever their whitespace, escapes or member order.
 */
public final class CanonicalJson {

  static final int NULL = 0x00;
  static final int FALSE = 0x01;
  static final int TRUE = 0x02;
  static final int INTEGER = 0x03;
  static final int BIG_INTEGER = 0x04;
  static final int FLOAT = 0x05;
  static final int STRING = 0x06;
  static final int ARRAY = 0x07;
  static final int OBJECT = 0x08;

  private CanonicalJson() {}

  public static void write(JsonNode node, ByteWriter out) {
    switch (node.getNodeType()) {
      case NULL, MISSING -> out.u8(NULL);
      case BOOLEAN -> out.u8(node.booleanValue() ? TRUE : FALSE);
      case NUMBER -> writeNumber(node, out);
      case STRING -> out.u8(STRING).str(node.textValue());
      case ARRAY -> {
        out.u8(ARRAY).u32(node.size());
        node.forEach(element -> write(element, out));
      }
      case OBJECT -> writeObject(node, out);
      default -> out.u8(STRING).str(node.asText());
    }
  }

  private static void writeNumber(JsonNode node, ByteWriter out) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        out.u8(INTEGER).u64(node.longValue());
      } else {
        BigInteger value = node.bigIntegerValue();
        out.u8(BIG_INTEGER).bytes(value.toByteArray());
      }
    } else {
      out.u8(FLOAT).u64(Double.doubleToLongBits(node.doubleValue()));
    }
  }

  private static void writeObject(JsonNode node, ByteWriter out) {
    List<byte[]> names = new ArrayList<>(node.size());
    List<JsonNode> values = new ArrayList<>(node.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      names.add(field.getKey().getBytes(StandardCharsets.UTF_8));
      values.add(field.getValue());
    }
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(names.get(a), names.get(b)));
    out.u8(OBJECT).u32(order.length);
    for (int i : order) {
      out.bytes(names.get(i));
      write(values.get(i), out);
    }
  }
}
