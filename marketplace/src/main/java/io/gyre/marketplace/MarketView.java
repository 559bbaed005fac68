package io.gyre.marketplace;

import io.gyre.persistence.CborSerializable;

/**
 * The marketplace's full state and the journal position it reflects.
 *
 * @param sequenceNumber the number of the last event the state includes
 */
public record MarketView(long sequenceNumber, MarketDump dump) implements CborSerializable {}
