package io.gyre.wasm.internal.module;

import io.gyre.wasm.DataType;
import io.gyre.wasm.Manifest;
import io.gyre.wasm.NamedType;
import io.gyre.wasm.ServiceFunction;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the Aqua {@code data} and {@code service} declarations of a manifest. */
public final class AquaPrinter {

  private AquaPrinter() {}

  public static String declaration(Manifest manifest) {
    StringBuilder out = new StringBuilder();
    for (DataType type : manifest.types()) {
      out.append("data ").append(type.name()).append(":\n");
      for (NamedType field : type.fields()) {
        out.append("  ").append(field.name()).append(": ").append(field.type()).append('\n');
      }
      out.append('\n');
    }
    out.append("service ").append(serviceName(manifest.name())).append(":\n");
    for (ServiceFunction function : manifest.functions()) {
      out.append("  ").append(function.name()).append('(');
      out.append(
          function.args().stream()
              .map(a -> a.name() + ": " + a.type())
              .collect(Collectors.joining(", ")));
      out.append(')');
      function.result().ifPresent(r -> out.append(" -> ").append(r));
      out.append('\n');
    }
    return out.toString();
  }

  /** Aqua service names are capitalised: {@code key_value} becomes {@code KeyValue}. */
  static String serviceName(String moduleName) {
    StringBuilder name = new StringBuilder();
    for (String part : moduleName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Service");
    }
    return name.toString();
  }
}
