package io.gyre.wasm;

/** A name with an Aqua type: a function argument or a data type's field. */
public record NamedType(String name, String type) {}
