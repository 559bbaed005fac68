package io.gyre.node.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.node.actor.GyreSerializable;

/**
 * A WASM module added to a peer: its import name, its content address (sha256, hex) under which the
 * bytes are stored on disk, and the module config it was added with.
 */
public record ModuleRecord(String name, String hash, JsonNode config) implements GyreSerializable {}
