package io.gyre.node.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimits;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code POST /aqua/compile}: the request {@code {"source": "..."}}; the answer {@code
 * {"ok": true, "functions": [{"name", "arguments": [{"name", "type"}], "results", "air"}],
 * "warnings": [...]}} or {@code {"ok": false, "error": "...", "diagnostics": [{"file", "line",
 * "column", "length", "severity", "message", "rendered"}]}}.
 */
final class CompileJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CompileJson() {}

  /**
   * The source of a request body, read within {@code limits} (a body nested 20,000 levels deep is
   * an error, not a stack overflow); an {@link IllegalArgumentException} says what is wrong.
   */
  static String source(String body, JsonLimits limits) {
    JsonNode json = BoundedJson.read(body, limits, "the body");
    if (json == null || !json.isObject() || !json.path("source").isTextual()) {
      throw new IllegalArgumentException(
          "the body must be a JSON object {\"source\": \"<Aqua text>\"}");
    }
    return json.get("source").textValue();
  }

  static ObjectNode outcome(PlaygroundCompiler.Outcome outcome) {
    ObjectNode out = JSON.objectNode();
    if (outcome instanceof PlaygroundCompiler.Compiled compiled) {
      out.put("ok", true);
      ArrayNode functions = out.putArray("functions");
      compiled.functions().forEach(f -> functions.add(function(f)));
      out.set("warnings", diagnostics(compiled.warnings()));
      return out;
    }
    List<Diagnostic> errors = ((PlaygroundCompiler.Rejected) outcome).diagnostics();
    out.put("ok", false);
    out.put("error", summary(errors));
    out.set("diagnostics", diagnostics(errors));
    return out;
  }

  private static ObjectNode function(CompiledFunction function) {
    ObjectNode out = JSON.objectNode();
    out.put("name", function.name());
    ArrayNode args = out.putArray("arguments");
    function.arguments().forEach(a -> args.addObject().put("name", a.name()).put("type", a.type()));
    ArrayNode results = out.putArray("results");
    function.results().forEach(results::add);
    out.put("air", function.air());
    return out;
  }

  private static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
    ArrayNode out = JSON.arrayNode();
    for (Diagnostic d : diagnostics) {
      out.addObject()
          .put("file", d.file().displayName())
          .put("line", d.pos().line())
          .put("column", d.pos().column())
          .put("length", d.pos().length())
          .put("severity", d.severity().name().toLowerCase(Locale.ROOT))
          .put("message", d.message())
          .put("rendered", d.render());
    }
    return out;
  }

  private static String summary(List<Diagnostic> errors) {
    if (errors.isEmpty()) {
      return "compile error";
    }
    String first = errors.get(0).location() + ": " + errors.get(0).message();
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }
}
