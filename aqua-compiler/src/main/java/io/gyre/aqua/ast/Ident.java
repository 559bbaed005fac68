package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;

/** A name as written, with where it was written. */
public record Ident(String name, Pos pos) {}
