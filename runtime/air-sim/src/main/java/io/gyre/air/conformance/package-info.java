/**
 * The conformance corpus as data: {@link io.gyre.air.conformance.ConformanceCases} finds and reads
 * the repository's {@code conformance/cases} (or {@code -Dgyre.conformance.cases=DIR}, {@code
 * GYRE_CONFORMANCE_CASES}), and {@link io.gyre.air.conformance.ConformanceComparator} applies
 * compare.mjs's rules to a run in run-air's output format (or to compile errors), with its {@code
 * --strict} and {@code --compiler} modes. The interpreter's, the compiler's and the peer's tests
 * share it.
 */
package io.gyre.air.conformance;
