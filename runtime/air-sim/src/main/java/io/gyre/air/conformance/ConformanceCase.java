package io.gyre.air.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case of the conformance corpus ({@code cases/NN-name/case.json}, see
 * ../shared/conformance/README.md): the compiler's AIR in a run-air SPEC and the oracle's answer,
 * or, for a compile-error case, the line of the real compiler's first error.
 *
 * @param id the case's directory name, e.g. {@code 17-for-par-join}
 * @param json the whole case.json
 */
public record ConformanceCase(String id, Path directory, JsonNode json) {

  /** The case's name as compare.mjs prints it ({@code name}, else the directory). */
  public String name() {
    JsonNode name = json.path("name");
    return name.isTextual() ? name.textValue() : id;
  }

  /** The run-air SPEC with the AIR inline; empty for compile-error cases. */
  public Optional<JsonNode> spec() {
    JsonNode spec = json.path("spec");
    return spec.isObject() ? Optional.of(spec) : Optional.empty();
  }

  /** True when the case has a SPEC to run (compile-error cases do not). */
  public boolean runnable() {
    return spec().isPresent();
  }

  public boolean compileError() {
    return expected().path("compile_error").asBoolean(false);
  }

  public JsonNode expected() {
    return json.path("expected");
  }

  /**
   * False only when the case says so: stream order depends on arrival order, and arrays are
   * compared sorted.
   */
  public boolean orderSensitive() {
    JsonNode flag = json.path("order_sensitive");
    return !(flag.isBoolean() && !flag.booleanValue());
  }

  /** How many values the function returns (the arguments of callbackSrv.response). */
  public int responseArity() {
    JsonNode arity = json.path("response_arity");
    return arity.isNumber() ? arity.asInt() : 1;
  }

  /** The SPEC's extra seed names: their peer ids are normalised like the default names'. */
  public List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    spec().map(s -> s.path("seeds")).ifPresent(s -> s.forEach(n -> seeds.add(n.asText())));
    return seeds;
  }

  @Override
  public String toString() {
    return id;
  }
}
