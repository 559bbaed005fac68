package io.gyre.air.syntax;

import java.util.List;

/**
 * What a variable reference applies to its value: nothing, the {@code .length} functor, or a path
 * of accessors after {@code .$} ({@code x.$.a.[0].[i]}).
 */
public sealed interface Lens {

  Lens NONE = new None();

  /** AquaVM's printout: empty, {@code .length}, or {@code .$.a.[0].[i]}. */
  String text();

  /** No lens. */
  record None() implements Lens {
    @Override
    public String text() {
      return "";
    }
  }

  /** {@code x.length}: the length of an array-like value. */
  record Length() implements Lens {
    @Override
    public String text() {
      return ".length";
    }
  }

  /** {@code x.$.a.[0].[i]}: field, index and variable-index accessors. */
  record Path(List<Accessor> accessors) implements Lens {
    public Path {
      accessors = List.copyOf(accessors);
    }

    @Override
    public String text() {
      StringBuilder out = new StringBuilder(".$");
      for (Accessor accessor : accessors) {
        out.append('.').append(accessor.text());
      }
      return out.toString();
    }
  }

  /** One step of a lens path. */
  sealed interface Accessor {
    String text();
  }

  /** {@code .name}: an object field. */
  record Field(String name) implements Accessor {
    @Override
    public String text() {
      return name;
    }
  }

  /** {@code .[3]}: an array element. */
  record Index(long index) implements Accessor {
    @Override
    public String text() {
      return "[" + index + "]";
    }
  }

  /** {@code .[i]}: an array element or object field named by a scalar's value. */
  record ByScalar(String scalar) implements Accessor {
    @Override
    public String text() {
      return "[" + scalar + "]";
    }
  }
}
