package io.gyre.node.services;

import java.util.Optional;

/** A service deployed from one module: its ids, its alias, and its Aqua declaration if known. */
public record DeployedService(
    String serviceId,
    String moduleHash,
    String blueprintId,
    Optional<String> alias,
    Optional<String> aquaDeclaration) {}
