package io.gyre.aqua.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** An Aqua type. Data types can travel in AIR values; arrows, abilities and services cannot. */
public sealed interface Type {

  /** Types of values that exist at run time. */
  sealed interface DataType extends Type {}

  /** Collections: arrays, options, streams and canonicalised streams. */
  sealed interface CollectionType extends DataType {
    Type element();
  }

  record Scalar(ScalarKind kind) implements DataType {
    @Override
    public String toString() {
      return kind.aquaName();
    }
  }

  /** The type of a literal: any one of several scalars, e.g. {@code 5} fits every integer. */
  record Literal(Set<ScalarKind> oneOf, String name) implements DataType {
    @Override
    public String toString() {
      return name + " literal";
    }
  }

  record Top() implements DataType {
    @Override
    public String toString() {
      return "⊤";
    }
  }

  record Bottom() implements DataType {
    @Override
    public String toString() {
      return "⊥";
    }
  }

  record Array(Type element) implements CollectionType {
    @Override
    public String toString() {
      return "[]" + element;
    }
  }

  record Option(Type element) implements CollectionType {
    @Override
    public String toString() {
      return "?" + element;
    }
  }

  record Stream(Type element) implements CollectionType {
    @Override
    public String toString() {
      return "*" + element;
    }
  }

  /** A canonicalised stream (AIR {@code #name}): an array that was a stream. */
  record CanonStream(Type element) implements CollectionType {
    @Override
    public String toString() {
      return "#" + element;
    }
  }

  /** A {@code data} type: named, structurally compared fields. */
  record Struct(String name, Map<String, Type> fields) implements DataType {
    public Struct {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** An ability: value fields, arrows and nested abilities. */
  record Ability(String name, Map<String, Type> fields) implements Type {
    public Ability {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A service: its functions by name. */
  record Service(String name, Map<String, Arrow> functions) implements Type {
    public Service {
      functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code A, B -> C}: parameters and results. */
  record Arrow(List<Type> params, List<Type> results) implements Type {
    public Arrow {
      params = List.copyOf(params);
      results = List.copyOf(results);
    }

    @Override
    public String toString() {
      String in = params.stream().map(Object::toString).collect(Collectors.joining(", "));
      String out =
          results.isEmpty()
              ? "()"
              : results.stream().map(Object::toString).collect(Collectors.joining(", "));
      return in + (in.isEmpty() ? "-> " : " -> ") + out;
    }
  }

  /** Several results of one call, before they are bound to names. */
  record Product(List<Type> elements) implements Type {
    public Product {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
  }
}
