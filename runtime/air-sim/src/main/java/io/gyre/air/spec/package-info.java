/**
 * The oracle's run-air SPEC on Gyre's simulator: {@link io.gyre.air.spec.SimulationSpec} reads a
 * SPEC (seed names and keys, {@code @peer:NAME}, defaults), {@link
 * io.gyre.air.spec.SpecServiceHost} answers calls as run-air does (mock forms, fixed services,
 * js-client builtins, "No service found"), {@link io.gyre.air.spec.RunReport} prints run-air's
 * output JSON, and {@link io.gyre.air.spec.SpecRunner} puts them together. {@code ./gyre air
 * simulate} is a thin command over this package.
 */
package io.gyre.air.spec;
