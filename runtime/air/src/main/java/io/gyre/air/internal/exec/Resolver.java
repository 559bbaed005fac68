package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.json.Json;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.syntax.Lens;
import io.gyre.air.syntax.Value;
import io.gyre.air.syntax.VariableKind;
import java.util.ArrayList;
import java.util.List;

/** Turns the values an instruction names into JSON values with their tetraplets, lenses applied. */
final class Resolver {
  private Resolver() {}

  /** A call argument: its value and one tetraplet, or one per element for a canon stream. */
  record Argument(JsonNode node, List<Tetraplet> tetraplets) {}

  static Argument argument(ExecutionState st, Value value) {
    if (value instanceof Value.Variable v
        && v.lens() instanceof Lens.None
        && (v.kind() == VariableKind.CANON_STREAM || v.kind() == VariableKind.CANON_MAP)) {
      CanonValue canon = canon(st, v.name());
      List<Tetraplet> tetraplets = new ArrayList<>(canon.elements.size());
      for (Val element : canon.elements) {
        tetraplets.add(element.tetraplet);
      }
      return new Argument(canon.node(), tetraplets);
    }
    Val resolved = resolve(st, value);
    return new Argument(resolved.node(), List.of(resolved.tetraplet));
  }

  /** One value with one tetraplet (a canon stream without lens becomes its array). */
  static Val resolve(ExecutionState st, Value value) {
    if (value instanceof Value.Variable v) {
      return variable(st, v);
    }
    if (value instanceof Value.Literal literal) {
      return Val.of(Json.NODES.textNode(literal.value()), st.literalTetraplet);
    }
    if (value instanceof Value.IntNumber number) {
      return Val.of(Json.NODES.numberNode(number.value()), st.literalTetraplet);
    }
    if (value instanceof Value.FloatNumber number) {
      return Val.of(Json.NODES.numberNode(number.value()), st.literalTetraplet);
    }
    if (value instanceof Value.Bool bool) {
      return Val.of(Json.NODES.booleanNode(bool.value()), st.literalTetraplet);
    }
    if (value instanceof Value.EmptyArray) {
      return Val.of(Json.NODES.arrayNode(), st.literalTetraplet);
    }
    if (value instanceof Value.InitPeerId) {
      return Val.of(Json.NODES.textNode(st.initPeer), st.literalTetraplet);
    }
    if (value instanceof Value.Ttl) {
      return Val.of(Json.NODES.numberNode(st.context.ttlMs()), st.literalTetraplet);
    }
    if (value instanceof Value.Timestamp) {
      return Val.of(Json.NODES.numberNode(st.context.timestampMs()), st.literalTetraplet);
    }
    if (value instanceof Value.ErrorRef ref) {
      JsonNode error = ref.lastError() ? st.errors.lastError() : st.errors.error();
      return Val.of(applyLens(st, error, ref.lens()), st.literalTetraplet);
    }
    throw new IllegalStateException("unknown value " + value);
  }

  private static Val variable(ExecutionState st, Value.Variable v) {
    switch (v.kind()) {
      case SCALAR -> {
        Object bound = st.scopes.get(v.name());
        Val val = (Val) bound;
        if (v.lens() instanceof Lens.None) {
          return val;
        }
        JsonNode node = applyLens(st, val.node(), v.lens());
        Tetraplet t = val.tetraplet;
        return Val.of(
            node,
            new Tetraplet(t.peerPk(), t.serviceId(), t.functionName(), t.lens() + v.lens().text()));
      }
      case CANON_STREAM, CANON_MAP -> {
        return canonWithLens(st, canon(st, v.name()), v.lens());
      }
      default -> throw new IllegalStateException("a stream cannot be read as a value: " + v.name());
    }
  }

  static CanonValue canon(ExecutionState st, String name) {
    return (CanonValue) st.scopes.get(name);
  }

  private static Val canonWithLens(ExecutionState st, CanonValue canon, Lens lens) {
    Tetraplet t = canon.tetraplet;
    if (lens instanceof Lens.None) {
      return Val.of(canon.node(), t);
    }
    if (lens instanceof Lens.Length) {
      // AquaVM names the functor in the service field of this tetraplet
      return Val.of(
          Json.NODES.numberNode(canon.elements.size()),
          new Tetraplet(t.peerPk(), ".length", "", ""));
    }
    List<Lens.Accessor> path = ((Lens.Path) lens).accessors();
    if (!path.isEmpty() && !canon.map) {
      Long index = indexOf(st, path.get(0));
      if (index != null) {
        if (index < 0 || index >= canon.elements.size()) {
          throw lensError(
              "value '"
                  + SerdeJson.compact(canon.node())
                  + "' does not contain element for idx = '"
                  + index
                  + "'");
        }
        Val element = canon.elements.get(index.intValue());
        JsonNode node = applyPath(st, element.node(), path.subList(1, path.size()));
        return Val.of(node, element.tetraplet);
      }
    }
    if (!path.isEmpty() && canon.map) {
      String key = fieldOf(st, path.get(0));
      if (key != null) {
        JsonNode values = CanonMaps.valuesOf(canon.elements, key);
        JsonNode node = applyPath(st, values, path.subList(1, path.size()));
        return Val.of(
            node, new Tetraplet(t.peerPk(), t.serviceId(), t.functionName(), lens.text()));
      }
    }
    JsonNode node = applyPath(st, canon.node(), path);
    return Val.of(node, new Tetraplet(t.peerPk(), t.serviceId(), t.functionName(), lens.text()));
  }

  private static Long indexOf(ExecutionState st, Lens.Accessor accessor) {
    if (accessor instanceof Lens.Index index) {
      return index.index();
    }
    if (accessor instanceof Lens.ByScalar byScalar) {
      JsonNode value = ((Val) st.scopes.get(byScalar.scalar())).node();
      if (value.isIntegralNumber()) {
        return value.longValue();
      }
    }
    return null;
  }

  private static String fieldOf(ExecutionState st, Lens.Accessor accessor) {
    if (accessor instanceof Lens.Field field) {
      return field.name();
    }
    if (accessor instanceof Lens.ByScalar byScalar) {
      JsonNode value = ((Val) st.scopes.get(byScalar.scalar())).node();
      if (value.isTextual()) {
        return value.textValue();
      }
    }
    return null;
  }

  static JsonNode applyLens(ExecutionState st, JsonNode node, Lens lens) {
    if (lens instanceof Lens.None) {
      return node;
    }
    if (lens instanceof Lens.Length) {
      if (!node.isArray()) {
        throw new AirException(
            AirError.catchable(
                AirError.LENGTH_NON_ARRAY,
                "the length functor could applied only to an array-like value, but it's applied to '"
                    + SerdeJson.compact(node)
                    + "'"));
      }
      return Json.NODES.numberNode(node.size());
    }
    return applyPath(st, node, ((Lens.Path) lens).accessors());
  }

  private static JsonNode applyPath(ExecutionState st, JsonNode node, List<Lens.Accessor> path) {
    JsonNode current = node;
    for (Lens.Accessor accessor : path) {
      if (accessor instanceof Lens.Field field) {
        current = field(current, field.name());
      } else if (accessor instanceof Lens.Index index) {
        current = index(current, index.index());
      } else {
        Lens.ByScalar byScalar = (Lens.ByScalar) accessor;
        JsonNode key = ((Val) st.scopes.get(byScalar.scalar())).node();
        if (key.isIntegralNumber()) {
          current = index(current, key.longValue());
        } else if (key.isTextual()) {
          current = field(current, key.textValue());
        } else {
          throw lensError(
              "scalar accessor '"
                  + byScalar.scalar()
                  + "' should be a number or a string, but it is '"
                  + SerdeJson.compact(key)
                  + "'");
        }
      }
    }
    return current;
  }

  private static JsonNode field(JsonNode node, String name) {
    if (!node.isObject()) {
      throw lensError(
          "value '"
              + SerdeJson.compact(node)
              + "' is not an map-type to match field accessor with field_name = '"
              + name
              + "'");
    }
    JsonNode value = node.get(name);
    if (value == null) {
      throw lensError(
          "value '"
              + SerdeJson.compact(node)
              + "' does not contain element with field name = '"
              + name
              + "'");
    }
    return value;
  }

  private static JsonNode index(JsonNode node, long idx) {
    if (!node.isArray()) {
      throw lensError(
          "value '"
              + SerdeJson.compact(node)
              + "' is not an array-type to match array accessor with idx = '"
              + idx
              + "'");
    }
    if (idx < 0 || idx >= node.size()) {
      throw lensError(
          "value '"
              + SerdeJson.compact(node)
              + "' does not contain element for idx = '"
              + idx
              + "'");
    }
    return node.get((int) idx);
  }

  private static AirException lensError(String message) {
    return new AirException(AirError.catchable(AirError.LENS, message));
  }
}
