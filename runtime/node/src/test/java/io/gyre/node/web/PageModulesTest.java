package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's own logic, run in the browser that runs the page: the Aqua tokenizer, the Prometheus
 * text reader, quantiles from buckets, hop pairing in a trace, argument checks.
 */
class PageModulesTest {
  @RegisterExtension static final PageExtension PAGE = new PageExtension("relay");

  @BeforeAll
  static void open() {
    PAGE.page().open();
  }

  /**
   * Imports a module of the page and answers what {@code body} (using {@code m}) returns, as JSON.
   */
  private static String run(String module, String body) {
    Object out =
        PAGE.browser()
            .driver
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/ui/js/"
                    + module
                    + "').then((m) => done(JSON.stringify((() => {"
                    + body
                    + "})())), (e) => done('import failed: ' + e));");
    return String.valueOf(out);
  }

  @Test
  void theTokenizerKnowsAquasWords() {
    assertEquals(
        "[[\"keyword\",\"func\"],[\"name\",\"f\"],[\"operator\",\"(\"],[\"name\",\"x\"],"
            + "[\"operator\",\":\"],[\"type\",\"u32\"],[\"operator\",\")\"],[\"arrow\",\"->\"],"
            + "[\"type\",\"Info\"],[\"operator\",\":\"],[\"comment\",\"-- a \\\"note\\\"\"]]",
        run(
            "aqua-lexer.js",
            "return m.tokenizeLine('func f(x: u32) -> Info: -- a \"note\"')"
                + ".filter(t => t.type !== 'space').map(t => [t.type, t.text]);"));
    assertEquals(
        "[[\"name\",\"s\"],[\"arrow\",\"<<-\"],[\"string\",\"\\\"a\\\\\\\"b\\\"\"],"
            + "[\"number\",\"-12.5\"],[\"constant\",\"INIT_PEER_ID\"],[\"constant\",\"%init_peer_id%\"],"
            + "[\"name\",\"x\"],[\"operator\",\"-\"],[\"number\",\"1\"]]",
        run(
            "aqua-lexer.js",
            "return m.tokenizeLine('s <<- \"a\\\\\"b\" -12.5 INIT_PEER_ID %init_peer_id% x-1')"
                + ".filter(t => t.type !== 'space').map(t => [t.type, t.text]);"));
  }

  @Test
  void prometheusTextIsReadWithLabelsAndSpecialValues() {
    String text =
        "# HELP a_total A\\n# TYPE a_total counter\\na_total 3\\n"
            + "b{reason=\\\"x\\\\\\\"y\\\",k=\\\"v\\\"} 2.5e1\\nc_bucket{le=\\\"+Inf\\\"} 7\\nbroken{ 1\\n";
    assertEquals(
        "[[\"a_total\",{},3],[\"b\",{\"reason\":\"x\\\"y\",\"k\":\"v\"},25],"
            + "[\"c_bucket\",{\"le\":\"+Inf\"},7]]",
        run(
            "prometheus.js",
            "return m.parseMetrics(\"" + text + "\").map(s => [s.name, s.labels, s.value]);"));
  }

  @Test
  void quantilesAreInterpolatedInsideTheirBucket() {
    // 10 observations: 4 up to 1 ms, 5 more up to 10 ms, 1 beyond. The median is the 1st of the
    // 5 in (1 ms, 10 ms]: 1 ms + 9 ms * 1/5; p99 lies beyond the last finite bound: that bound.
    String buckets = "[{le: 0.001, count: 4}, {le: 0.01, count: 9}, {le: Infinity, count: 10}]";
    assertEquals(
        "[0.0028,0.01,null]",
        run(
            "live-metrics.js",
            "const b = "
                + buckets
                + "; return [m.quantileOf(b, 0.5), m.quantileOf(b, 0.99),"
                + " m.quantileOf([{le: 1, count: 0}], 0.5)].map(v => v === null ? v :"
                + " Math.round(v * 1e6) / 1e6);"));
    assertEquals(
        "[2.5]",
        run(
            "live-metrics.js",
            "const w = new m.MetricsWindow(); "
                + "w.add(0, [{name: 'n_total', labels: {}, value: 10}]);"
                + "w.add(2000, [{name: 'n_total', labels: {}, value: 15}]);"
                + "return w.rates('n_total').map(r => r.rate);"));
  }

  @Test
  void aSendAndItsArrivalAreOneHop() {
    String trace =
        "{hops: [{at_ms: 1, kind: 'started', peer: 'A', other: null},"
            + "{at_ms: 5, kind: 'received', peer: 'B', other: 'A'},"
            + "{at_ms: 6, kind: 'sent', peer: 'A', other: 'B'},"
            + "{at_ms: 9, kind: 'sent', peer: 'B', other: 'C'}],"
            + "calls: [{at_ms: 7, peer: 'B', service: 'op', function: 'noop', args: [],"
            + " ret_code: 0, result: null, micros: 3}], interpreter_errors: []}";
    assertEquals(
        "[\"started A\",\"hop A>B\",\"call B\",\"sent B>C\"]",
        run(
            "trace-view.js",
            "return m.events("
                + trace
                + ").map(e => e.type === 'call' ? 'call ' + e.peer"
                + " : e.kind + ' ' + e.peer + (e.other ? '>' + e.other : ''));"));
    assertEquals(
        "\"2 hops, 1 call, 0 interpreter errors, on 3 peers, over 8 ms\"",
        run("trace-view.js", "return m.summary(" + trace + ");"));
  }

  @Test
  void argumentsAreCheckedAgainstTheirTypes() {
    String check =
        "const form = document.createElement('div');"
            + "const fn = {name: 'f', arguments: [{name: 'n', type: 'u32'}, {name: 's', type: 'string'},"
            + " {name: 'o', type: '?bool'}], results: []};"
            + "m.renderArguments(form, fn);"
            + "const set = (n, v) => form.querySelector(`input[name=${n}]`).value = v;"
            + "const read = () => { try { return m.readArguments(form, fn); }"
            + " catch (e) { return e.message; } };"
            + "const out = [];"
            + "set('n', '-1'); set('s', 'hi'); out.push(read());"
            + "set('n', '7'); out.push(read());"
            + "set('o', 'true'); out.push(read());"
            + "set('o', 'yes'); out.push(read());"
            + "return out;";
    assertEquals(
        "[\"argument 'n' (u32) must be an integer ≥ 0, not -1\","
            + "{\"n\":7,\"s\":\"hi\",\"o\":[]},"
            + "{\"n\":7,\"s\":\"hi\",\"o\":[true]},"
            + "\"argument 'o' (?bool) is not JSON: Unexpected token 'y', \\\"yes\\\" is not valid JSON\"]",
        run("args-form.js", check));
  }

  @Test
  void anUnauthorizedAnswerSaysWhereTheTokenIs() {
    assertEquals(
        "\"token missing or wrong: see <data-dir>/http.token on the peer (or open the URL `gyre"
            + " node` prints) (HTTP 401: the token is not this peer's)\"",
        run(
            "api.js",
            "return m.errorText({status: 401, statusText: ''},"
                + " {error: \"the token is not this peer's\"});"));
    assertEquals(
        "[\"HTTP 503 Service Unavailable: peer busy\",\"HTTP 500: {\\n  \\\"detail\\\": 1\\n}\"]",
        run(
            "api.js",
            "return [m.errorText({status: 503, statusText: 'Service Unavailable'}, 'peer busy\\n'),"
                + " m.errorText({status: 500, statusText: ''}, {detail: 1})];"));
  }

  @Test
  void membersAreReadFromEitherShapeOfHealth() {
    assertEquals(
        "[{\"count\":2,\"list\":[\"akka://gyre@h:1\",\"akka://gyre@h:2 (unreachable)\"],"
            + "\"missing\":[\"akka://gyre@h:3\"]},{\"count\":3,\"list\":[],\"missing\":[]}]",
        run(
            "cluster-view.js",
            "return [m.members({cluster: {members: ['akka://gyre@h:1', 'akka://gyre@h:2'],"
                + " unreachable: ['akka://gyre@h:2'], remembered_missing: ['akka://gyre@h:3']}}),"
                + " m.members({cluster_members: 3})];"));
  }
}
