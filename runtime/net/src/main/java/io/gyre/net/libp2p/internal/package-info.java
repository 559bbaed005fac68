/** How the libp2p host builds connections and streams out of the codecs; not an API. */
package io.gyre.net.libp2p.internal;
