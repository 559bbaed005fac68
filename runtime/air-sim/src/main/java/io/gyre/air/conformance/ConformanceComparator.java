package io.gyre.air.conformance;

import static io.gyre.air.conformance.CanonicalJson.canon;
import static io.gyre.air.conformance.CanonicalJson.canonTuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsJsonSyntaxException;
import io.gyre.air.js.JsNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of ../shared/conformance/compare.mjs, ported: a run (run-air's output format, raw or
 * normalised peer ids) against a case's expectation. {@code ok} equal; the response exact, or
 * sorted when the case is order-insensitive (a multi-value tuple keeps its positions); responses,
 * errors, interpreter errors, undelivered sends and calls compared as multisets; {@code --strict},
 * {@code --compiler} and compile-error cases as that script has them. The differences read as
 * compare.mjs prints them.
 */
public final class ConformanceComparator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern LINE_COLUMN = Pattern.compile(":(\\d+):(\\d+)");
  private static final Set<String> PLUMBING_SERVICES =
      Set.of("getDataSrv", "callbackSrv", "math", "cmp");
  private static final int SHOW_LIMIT = 600;
  private static final int ITEM_LIMIT = 400;
  private static final int ITEMS_SHOWN = 10;

  private ConformanceComparator() {}

  /** Compares a run, or compile errors when the case expects a compile error. */
  public static Comparison compare(JsonNode actual, ConformanceCase kase, CompareOptions options) {
    if (kase.compileError()) {
      return compareCompileErrors(actual, kase, options);
    }
    return new Comparison(kase.name(), new RunRules(actual, kase, options).differences());
  }

  /**
   * Compares compiler errors ({@code {"errors": ["…:LINE:COL …"]}} or {@code {"line": N, "message":
   * "…"}}) with a compile-error case: the first error's line must match; with strict, the message
   * must contain the case's {@code message_contains}.
   */
  public static Comparison compareCompileErrors(
      JsonNode actual, ConformanceCase kase, CompareOptions options) {
    JsonNode expected = kase.expected();
    JsonNode line = NODES.nullNode();
    String message = "";
    JsonNode errors = actual.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> texts = new ArrayList<>();
      errors.forEach(e -> texts.add(e.isNull() ? "" : templateText(e)));
      message = String.join("\n", texts);
      Matcher m = LINE_COLUMN.matcher(templateText(errors.get(0)));
      line = m.find() ? JsNumbers.toNode(Double.parseDouble(m.group(1))) : NODES.nullNode();
    } else if (!actual.path("line").isMissingNode()) {
      line = actual.get("line");
      JsonNode text = actual.path("message");
      message = text.isMissingNode() || text.isNull() ? "" : templateText(text);
    }
    List<String> problems = new ArrayList<>();
    if (!kase.compileError()) {
      problems.add("case expects a successful compile, actual has errors");
    } else {
      if (!strictEquals(line, expected.path("line"))) {
        problems.add(
            "line: expected "
                + templateText(expected.path("line"))
                + ", actual "
                + templateText(line));
      }
      JsonNode contains = expected.path("message_contains");
      if (options.strict()
          && contains.isTextual()
          && !contains.textValue().isEmpty()
          && !message.contains(contains.textValue())) {
        problems.add(
            "message should contain "
                + JsJson.stringify(contains)
                + "; actual: "
                + show(NODES.textNode(message)));
      }
    }
    return new Comparison(kase.name(), problems);
  }

  /** The comparison of one run with a runnable case. */
  private static final class RunRules {
    private final JsonNode actual;
    private final JsonNode expected;
    private final ConformanceCase kase;
    private final CompareOptions options;
    private final List<String> problems = new ArrayList<>();

    RunRules(JsonNode actualRaw, ConformanceCase kase, CompareOptions options) {
      this.actual = PeerNames.of(kase.seeds()).normalize(actualRaw);
      this.expected = kase.expected();
      this.kase = kase;
      this.options = options;
    }

    List<String> differences() {
      if (!strictEquals(actual.path("ok"), expected.path("ok"))) {
        problems.add(
            "ok: expected "
                + templateText(expected.path("ok"))
                + ", actual "
                + templateText(actual.path("ok")));
      }
      compareResponse();
      multiset(
          "responses",
          list(
              expected,
              "responses",
              r -> canonTuple(r.path("peer"), sortResponse(r.path("value")))),
          list(
              actual,
              "responses",
              r -> canonTuple(name(r.path("peer")), sortResponse(r.path("value")))));
      multiset(
          "errors (errorHandlingSrv)",
          list(
              expected,
              "errors",
              e -> canonTuple(e.path("peer"), NODES.textNode(errorKey(e.path("args"))))),
          list(
              actual,
              "errors",
              e -> canonTuple(name(e.path("peer")), NODES.textNode(errorKey(e.path("args"))))));
      multiset(
          "interpreter_errors",
          list(expected, "interpreter_errors", e -> interpreterErrorKey(e, e.path("peer"))),
          list(actual, "interpreter_errors", e -> interpreterErrorKey(e, name(e.path("peer")))));
      multiset(
          "undelivered",
          list(expected, "undelivered", u -> hop(u.path("from"), u.path("to"))),
          list(actual, "undelivered", u -> hop(name(u.path("from")), name(u.path("to")))));
      multiset(
          "calls (peer, service, function, args)",
          counted(expected, c -> callKey(c, c.path("peer"))),
          counted(actual, c -> callKey(c, peerOfCall(c))));
      return problems;
    }

    private void compareResponse() {
      JsonNode expectedResponse = sortResponse(expected.path("response"));
      JsonNode actualResponse = actual.path("response");
      actualResponse =
          sortResponse(actualResponse.isMissingNode() ? NODES.nullNode() : actualResponse);
      if (!Objects.equals(canon(expectedResponse), canon(actualResponse))) {
        problems.add(
            "response"
                + (kase.orderSensitive() ? "" : " (sorted)")
                + ":\n    expected "
                + show(expectedResponse)
                + "\n    actual   "
                + show(actualResponse));
      }
    }

    private JsonNode sortResponse(JsonNode value) {
      return kase.orderSensitive()
          ? value
          : CanonicalJson.sortResponse(value, kase.responseArity());
    }

    private JsonNode sortIf(JsonNode value) {
      return kase.orderSensitive() ? value : CanonicalJson.deepSort(value);
    }

    /** The errorHandlingSrv arguments, without the error object's instruction unless strict. */
    private String errorKey(JsonNode args) {
      List<String> parts = new ArrayList<>();
      if (args.isArray()) {
        for (JsonNode a : args) {
          if (a.isObject() && a.has("error_code") && !options.strict()) {
            ObjectNode withoutInstruction = ((ObjectNode) a).deepCopy();
            withoutInstruction.remove("instruction");
            a = withoutInstruction;
          }
          String c = canon(a);
          parts.add(c == null ? "" : c);
        }
      }
      return "[" + String.join(",", parts) + "]";
    }

    private String interpreterErrorKey(JsonNode error, JsonNode peer) {
      return canonTuple(
          peer,
          error.path("ret_code"),
          options.strict() ? error.path("message") : NODES.nullNode());
    }

    private String hop(JsonNode from, JsonNode to) {
      return options.compiler() ? canonTuple(to) : canonTuple(from, to);
    }

    private String callKey(JsonNode call, JsonNode peer) {
      JsonNode args = call.path("args");
      if (call.path("service").asText().equals("errorHandlingSrv") && !options.strict()) {
        args = parseCanonical(errorKey(args));
      }
      if (options.strict()) {
        return canonTuple(
            peer,
            call.path("service"),
            call.path("function"),
            sortIf(args),
            call.path("ret_code"),
            sortIf(call.path("result")));
      }
      return canonTuple(peer, call.path("service"), call.path("function"), sortIf(args));
    }

    private JsonNode peerOfCall(JsonNode call) {
      JsonNode alias = call.path("peer_alias");
      return alias.isMissingNode() || alias.isNull() ? name(call.path("peer")) : alias;
    }

    private List<String> counted(JsonNode run, Function<JsonNode, String> key) {
      List<String> keys = new ArrayList<>();
      for (JsonNode call : run.path("calls")) {
        if (!(options.compiler() && isPlumbing(call))) {
          keys.add(key.apply(call));
        }
      }
      return keys;
    }

    private void multiset(String label, List<String> expectedKeys, List<String> actualKeys) {
      Map<String, Integer> count = new LinkedHashMap<>();
      expectedKeys.forEach(k -> count.merge(k, 1, Integer::sum));
      List<String> extra = new ArrayList<>();
      for (String k : actualKeys) {
        int n = count.getOrDefault(k, 0);
        if (n > 0) {
          count.put(k, n - 1);
        } else {
          extra.add(k);
        }
      }
      List<String> missing = new ArrayList<>();
      count.forEach((k, n) -> missing.addAll(Collections.nCopies(n, k)));
      if (missing.isEmpty() && extra.isEmpty()) {
        return;
      }
      StringBuilder message =
          new StringBuilder(label)
              .append(": ")
              .append(missing.size())
              .append(" missing, ")
              .append(extra.size())
              .append(" unexpected");
      missing.stream().limit(ITEMS_SHOWN).forEach(m -> message.append("\n    - ").append(cut(m)));
      extra.stream().limit(ITEMS_SHOWN).forEach(m -> message.append("\n    + ").append(cut(m)));
      problems.add(message.toString());
    }
  }

  private static boolean isPlumbing(JsonNode call) {
    String service = call.path("service").asText();
    String fn = call.path("function").asText();
    return (call.path("service").isTextual() && PLUMBING_SERVICES.contains(service))
        || (service.equals("op") && (fn.equals("noop") || fn.equals("identity")));
  }

  private static List<String> list(JsonNode run, String field, Function<JsonNode, String> key) {
    List<String> keys = new ArrayList<>();
    run.path(field).forEach(item -> keys.add(key.apply(item)));
    return keys;
  }

  /** compare.mjs's {@code name(p)}: a normalised {@code @peer:NAME} is written NAME. */
  private static JsonNode name(JsonNode peer) {
    if (peer.isTextual() && peer.textValue().startsWith("@peer:")) {
      return NODES.textNode(peer.textValue().substring("@peer:".length()));
    }
    return peer;
  }

  private static JsonNode parseCanonical(String canonical) {
    try {
      return JsJson.parse(canonical);
    } catch (JsJsonSyntaxException e) {
      throw new IllegalStateException("canonical JSON always parses: " + canonical, e);
    }
  }

  /** JS's {@code ===} on JSON values: primitives by value; objects and arrays never. */
  private static boolean strictEquals(JsonNode a, JsonNode b) {
    if (a.isMissingNode() || b.isMissingNode()) {
      return a.isMissingNode() && b.isMissingNode();
    }
    if (a.isContainerNode() || b.isContainerNode()) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return JsNumbers.toDouble(a) == JsNumbers.toDouble(b);
    }
    return a.getNodeType() == b.getNodeType() && a.asText().equals(b.asText());
  }

  /** A value as a JS template literal shows it ({@code ${v}}). */
  private static String templateText(JsonNode v) {
    if (v.isMissingNode()) {
      return "undefined";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return JsNumbers.toJsString(JsNumbers.toDouble(v));
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(e.isNull() ? "" : templateText(e)));
      return String.join(",", parts);
    }
    if (v.isObject()) {
      return "[object Object]";
    }
    return v.asText();
  }

  /** compare.mjs's {@code show}: compact JSON, cut after 600 characters. */
  private static String show(JsonNode v) {
    String s = v == null || v.isMissingNode() ? "undefined" : JsJson.stringify(v);
    return s.length() > SHOW_LIMIT ? s.substring(0, SHOW_LIMIT) + "…" : s;
  }

  private static String cut(String item) {
    return item.length() > ITEM_LIMIT ? item.substring(0, ITEM_LIMIT) + "…" : item;
  }
}
