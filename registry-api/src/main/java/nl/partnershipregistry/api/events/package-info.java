/**
 * The event store seen from the application: {@link nl.partnershipregistry.api.events.EventArchive}
 * exports events as stored and verifies hash chains; {@link
 * nl.partnershipregistry.api.events.EventTail} follows the store's head with one reader, leaves new
 * commits with every live stream's follower, each of which reads from the store only what it
 * missed, and has one pacer hand on each follower's window of events when its stream asks; {@link
 * nl.partnershipregistry.api.events.StreamLimit} counts the streams each user holds open ({@code
 * registry.events.streams-per-user}); {@link nl.partnershipregistry.api.events.ServerSentEvents}
 * writes the streams' bytes: each event encoded once for all streams, a window's frames written as
 * one buffer and flushed together.
 */
package nl.partnershipregistry.api.events;
