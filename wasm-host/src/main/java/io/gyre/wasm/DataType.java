package io.gyre.wasm;

import java.util.List;

/** A structure type a manifest declares (Aqua's {@code data}). */
public record DataType(String name, List<NamedType> fields) {

  public DataType {
    fields = List.copyOf(fields);
  }
}
