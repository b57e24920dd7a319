/**
 * The event store seen from the application: {@link nl.partnershipregistry.api.events.EventArchive}
 * exports events as stored and verifies hash chains; {@link
 * nl.partnershipregistry.api.events.EventTail} follows the store's head with one reader and hands
 * new commits to every live stream, each of which reads from the store only what it missed; {@link
 * nl.partnershipregistry.api.events.StreamLimit} counts the streams each user holds open ({@code
 * registry.events.streams-per-user}); {@link nl.partnershipregistry.api.events.ServerSentEvents}
 * writes the streams' bytes: each event encoded once for all streams, the events of a short window
 * written and flushed together.
 */
package nl.partnershipregistry.api.events;
