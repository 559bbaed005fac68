/**
 * A libp2p host's settings ({@link io.gyre.net.libp2p.config.HostOptions}): their own package, so
 * the host and its internals both read them without depending on each other.
 */
package io.gyre.net.libp2p.config;
