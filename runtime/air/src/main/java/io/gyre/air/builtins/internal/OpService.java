package io.gyre.air.builtins.internal;

import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.ARRAY;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.NUMBER_ARRAY;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsNumbers;
import io.gyre.identity.Base58;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** js-client's {@code op} service: identity, arrays, string concatenation, base58, sha256. */
public final class OpService {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** multihash prefix of a sha2-256 digest: code 0x12, length 32 */
  private static final byte[] SHA256_MULTIHASH = {0x12, 0x20};

  private OpService() {}

  public static Map<String, BuiltinFunction> functions() {
    return Map.ofEntries(
        Map.entry("noop", (args, now) -> BuiltinReply.success(NODES.objectNode())),
        Map.entry("array", (args, now) -> BuiltinReply.success(NODES.arrayNode().addAll(args))),
        Map.entry("array_length", OpService::arrayLength),
        Map.entry("identity", OpService::identity),
        Map.entry("concat", OpService::concat),
        Map.entry("string_to_b58", OpService::stringToB58),
        Map.entry("string_from_b58", OpService::stringFromB58),
        Map.entry("bytes_to_b58", OpService::bytesToB58),
        Map.entry("bytes_from_b58", OpService::bytesFromB58),
        Map.entry("sha256_string", OpService::sha256String),
        Map.entry("concat_strings", OpService::concatStrings));
  }

  private static BuiltinReply arrayLength(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, ARRAY)
        .orElseGet(() -> BuiltinReply.success(NODES.numberNode(args.get(0).size())));
  }

  private static BuiltinReply identity(List<JsonNode> args, long now) {
    if (args.size() > 1) {
      return BuiltinReply.error(ArgumentSchema.countMessage(1, args.size()));
    }
    return BuiltinReply.success(
        args.isEmpty() ? NODES.objectNode() : ArgumentSchema.parsedJson(args.get(0)));
  }

  private static BuiltinReply concat(List<JsonNode> args, long now) {
    return ArgumentSchema.each(args, ARRAY)
        .orElseGet(
            () -> {
              ArrayNode out = NODES.arrayNode();
              args.forEach(array -> out.addAll((ArrayNode) array));
              return BuiltinReply.success(out);
            });
  }

  private static BuiltinReply concatStrings(List<JsonNode> args, long now) {
    return ArgumentSchema.each(args, STRING)
        .orElseGet(
            () -> {
              StringBuilder out = new StringBuilder();
              args.forEach(a -> out.append(a.textValue()));
              return BuiltinReply.success(NODES.textNode(out.toString()));
            });
  }

  private static BuiltinReply stringToB58(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, STRING)
        .orElseGet(() -> text(Base58.encode(WebText.encode(args.get(0).textValue()))));
  }

  private static BuiltinReply stringFromB58(List<JsonNode> args, long now) throws HandlerFailure {
    Optional<BuiltinReply> invalid = ArgumentSchema.tuple(args, STRING);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    return text(WebText.decode(decodeBase58(args.get(0).textValue())));
  }

  private static BuiltinReply bytesToB58(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, NUMBER_ARRAY)
        .orElseGet(
            () -> {
              JsonNode numbers = args.get(0);
              byte[] bytes = new byte[numbers.size()];
              for (int i = 0; i < bytes.length; i++) {
                bytes[i] = toUint8(JsNumbers.toDouble(numbers.get(i)));
              }
              return text(Base58.encode(bytes));
            });
  }

  private static BuiltinReply bytesFromB58(List<JsonNode> args, long now) throws HandlerFailure {
    Optional<BuiltinReply> invalid = ArgumentSchema.tuple(args, STRING);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    ArrayNode out = NODES.arrayNode();
    for (byte b : decodeBase58(args.get(0).textValue())) {
      out.add(b & 0xFF);
    }
    return BuiltinReply.success(out);
  }

  private static BuiltinReply sha256String(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, STRING)
        .orElseGet(
            () -> {
              byte[] digest = sha256(WebText.encode(args.get(0).textValue()));
              byte[] multihash = new byte[SHA256_MULTIHASH.length + digest.length];
              System.arraycopy(SHA256_MULTIHASH, 0, multihash, 0, SHA256_MULTIHASH.length);
              System.arraycopy(digest, 0, multihash, SHA256_MULTIHASH.length, digest.length);
              return text(Base58.encode(multihash));
            });
  }

  /** base-x's decode: any character outside the alphabet throws "Non-base58 character". */
  private static byte[] decodeBase58(String text) throws HandlerFailure {
    try {
      return Base58.decode(text);
    } catch (IllegalArgumentException e) {
      throw new HandlerFailure("Non-base58 character");
    }
  }

  /** {@code new Uint8Array([d])[0]}: ToUint8 (truncate, modulo 256; NaN and ±∞ are 0). */
  private static byte toUint8(double d) {
    if (!Double.isFinite(d)) {
      return 0;
    }
    return (byte) new BigDecimal(d).toBigInteger().intValue();
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private static BuiltinReply text(String s) {
    return BuiltinReply.success(NODES.textNode(s));
  }
}
