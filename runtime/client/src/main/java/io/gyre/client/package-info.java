/**
 * Gyre's Java client SDK: {@link io.gyre.client.GyreClient} connects to a relay peer over libp2p,
 * calls {@link io.gyre.client.AquaFunction}s (running the client's part of each script locally with
 * its own key) and answers calls to the services it registers. {@code internal} holds the particle
 * runner and the relay connection.
 */
package io.gyre.client;
