/**
 * The registry's Axon event storage engine on MongoDB: one document per append under a dense,
 * gap-free commit number; aggregate sequences kept unique by a unique key; reads by {@code _id} and
 * unique key only; and a hash chain per aggregate with its verifier.
 *
 * <p>{@link nl.partnershipregistry.eventstore.MongoEventStorageEngine} is the engine Axon and the
 * application see (its builder, {@code head}, the exports); it hands each job to a package-private
 * collaborator:
 *
 * <ul>
 *   <li>{@code GroupCommitAppender}: appending, one commit per append, with group commit and the
 *       conflict and retry rules;
 *   <li>{@code StreamReader}: the global stream, read ahead of its reader, and the tracking tokens;
 *   <li>{@code AggregateReader}: one aggregate's events by their keys;
 *   <li>{@code SnapshotStore}: snapshots in their own collection;
 *   <li>{@code HashLinker}: each new event's link to the one before it ({@link
 *       nl.partnershipregistry.eventstore.HashChain}), from the last links kept or read by key;
 *   <li>{@code StoredEventExport}: events exactly as stored ({@link
 *       nl.partnershipregistry.eventstore.StoredEvent}), for the exports and {@link
 *       nl.partnershipregistry.eventstore.HashChainVerifier};
 *   <li>{@code CommitLog}: the commits collection, by commit number or unique key only, and the
 *       head;
 *   <li>{@code CommitCodec}: the stored format, every field name of a commit, event and snapshot
 *       document written once, and the mapping to Axon's entries.
 * </ul>
 */
package nl.partnershipregistry.eventstore;
