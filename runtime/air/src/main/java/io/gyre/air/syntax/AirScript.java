package io.gyre.air.syntax;

/** A parsed, validated AIR script: its text, its root instruction and its instruction count. */
public record AirScript(String source, Instruction root, int instructionIds) {}
