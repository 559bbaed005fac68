package io.gyre.cli.aqua;

import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import java.util.List;

/**
 * The JSON `aqua compile` writes for a module, built by hand: a compiler run should not pay for
 * starting a JSON library (the command is timed cold).
 */
final class ModuleJson {
  private ModuleJson() {}

  static String of(CompiledModule module, List<CompiledFunction> functions) {
    StringBuilder out = new StringBuilder(8192);
    out.append("{\n  \"module\": ").append(quote(module.name()));
    out.append(",\n  \"file\": ").append(quote(module.file()));
    out.append(",\n  \"functions\": {");
    for (int i = 0; i < functions.size(); i++) {
      CompiledFunction f = functions.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    ").append(quote(f.name())).append(": {\n");
      out.append("      \"arguments\": [");
      for (int a = 0; a < f.arguments().size(); a++) {
        CompiledFunction.Argument arg = f.arguments().get(a);
        out.append(a == 0 ? "" : ", ")
            .append("{\"name\": ")
            .append(quote(arg.name()))
            .append(", \"type\": ")
            .append(quote(arg.type()))
            .append('}');
      }
      out.append("],\n      \"results\": [");
      for (int r = 0; r < f.results().size(); r++) {
        out.append(r == 0 ? "" : ", ").append(quote(f.results().get(r)));
      }
      out.append("],\n      \"air\": ").append(quote(f.air())).append("\n    }");
    }
    out.append(functions.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
    return out.toString();
  }

  /** A JSON string literal; runs of characters that need no escape are copied at once. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16).append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append(s, run, s.length()).append('"').toString();
  }
}
