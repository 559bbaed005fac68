package io.gyre.air.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON value as compact UTF-8, faster than an ObjectMapper for the many small values a run
 * stores (no generator per value). Numbers and strings are written as Jackson writes them.
 */
public final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private byte[] buf = new byte[64];
  private int size;

  public static byte[] bytes(JsonNode node) {
    JsonWriter writer = new JsonWriter();
    writer.write(node, 0);
    return Arrays.copyOf(writer.buf, writer.size);
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  private void write(JsonNode node, int depth) {
    if (depth > 10_000) {
      throw new IllegalArgumentException("a JSON value nested deeper than 10000 levels");
    }
    switch (node.getNodeType()) {
      case STRING -> string(node.textValue());
      case NUMBER ->
          ascii(node.isIntegralNumber() ? node.bigIntegerValue().toString() : number(node));
      case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> ascii("null");
      case ARRAY -> {
        ensure(1);
        buf[size++] = '[';
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            ensure(1);
            buf[size++] = ',';
          }
          write(node.get(i), depth + 1);
        }
        ensure(1);
        buf[size++] = ']';
      }
      case OBJECT -> {
        ensure(1);
        buf[size++] = '{';
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (!first) {
            ensure(1);
            buf[size++] = ',';
          }
          first = false;
          string(field.getKey());
          ensure(1);
          buf[size++] = ':';
          write(field.getValue(), depth + 1);
        }
        ensure(1);
        buf[size++] = '}';
      }
      default -> string(node.asText());
    }
  }

  private static String number(JsonNode node) {
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    return node.isBigDecimal() ? node.decimalValue().toString() : Double.toString(d);
  }

  private void string(String s) {
    ensure(s.length() * 3 + 2);
    buf[size++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[size++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        ensure(2 + (s.length() - i) * 3);
        buf[size++] = '\\';
        buf[size++] = (byte) c;
      } else if (c < 0x20) {
        ensure(6 + (s.length() - i) * 3);
        switch (c) {
          case '\n' -> {
            buf[size++] = '\\';
            buf[size++] = 'n';
          }
          case '\r' -> {
            buf[size++] = '\\';
            buf[size++] = 'r';
          }
          case '\t' -> {
            buf[size++] = '\\';
            buf[size++] = 't';
          }
          default -> {
            buf[size++] = '\\';
            buf[size++] = 'u';
            buf[size++] = '0';
            buf[size++] = '0';
            buf[size++] = HEX[c >> 4];
            buf[size++] = HEX[c & 0xF];
          }
        }
      } else if (c < 0x800) {
        buf[size++] = (byte) (0xC0 | (c >> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4 + (s.length() - i) * 3);
        buf[size++] = (byte) (0xF0 | (cp >> 18));
        buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        ensure(6 + (s.length() - i) * 3);
        buf[size++] = '\\';
        buf[size++] = 'u';
        buf[size++] = HEX[(c >> 12) & 0xF];
        buf[size++] = HEX[(c >> 8) & 0xF];
        buf[size++] = HEX[(c >> 4) & 0xF];
        buf[size++] = HEX[c & 0xF];
      } else {
        buf[size++] = (byte) (0xE0 | (c >> 12));
        buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    buf[size++] = '"';
  }
}
