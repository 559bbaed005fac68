/** Message framing over a {@link io.gyre.net.Stream}: unsigned-varint length prefixes, bounded. */
package io.gyre.net.framing;
