/**
 * js-client 0.9.0's builtin services, answer for answer, for any host of AIR calls (the simulator's
 * SPEC host now, the peer later): {@link io.gyre.air.builtins.StandardBuiltins} ({@code op math cmp
 * array json debug peer run-console}, and the {@code kad srv dist script} functions js-client
 * declares but refuses), and the JS semantics they rest on: {@link io.gyre.air.js.JsJson} ({@code
 * JSON.stringify(v, null, 4)}, the text js-client hands AquaVM for every result, and V8's {@code
 * JSON.parse} with its error messages), {@link io.gyre.air.js.JsNumbers} (doubles and their
 * printing) and {@link io.gyre.air.js.JsValues} (key order, SameValueZero).
 *
 * <p>The golden file in the tests comes from the real handlers ({@code
 * src/test/node/builtins-golden.mjs}).
 */
package io.gyre.air.builtins;
