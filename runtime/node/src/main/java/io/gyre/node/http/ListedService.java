package io.gyre.node.http;

import io.gyre.node.services.ServiceRecord;

/** A service in {@code GET /services}: its record, and whether its host can be reached now. */
public record ListedService(ServiceRecord service, boolean reachable) {}
