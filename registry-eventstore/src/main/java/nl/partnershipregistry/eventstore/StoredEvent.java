package nl.partnershipregistry.eventstore;

/**
 * One event exactly as stored, with its place in the store and its hash-chain links: what an export
 * shows, so that anyone can check the chain with the rule in {@code docs/hash-chain.md}.
 *
 * @param commit the commit number the event was stored in
 * @param index the event's place within its commit (0 for the first)
 * @param payload the event's JSON text exactly as stored and hashed
 * @param metaData the meta-data's JSON text exactly as stored and hashed
 */
public record StoredEvent(
    long commit,
    int index,
    String aggregateIdentifier,
    long sequenceNumber,
    String eventIdentifier,
    String type,
    String timestamp,
    String payloadType,
    String payloadRevision,
    String payload,
    String metaData,
    String previousHash,
    String hash) {}
