/**
 * Wiring: the settings, the MongoDB client (embedded server, with its durable file backend, or
 * {@code MONGODB_URI}; each write's changes in a journal before the reply and the file committed
 * once a second, each document encoded once for its record and its page, writes going on while a
 * commit writes its pages, the file compacted while it is written, and when it is opened and
 * closed, its pages compressed fast or small as set), Axon with the registry's own event storage
 * engine and serializer, the processors' token store (claims extended at most every two seconds),
 * the aggregates and their cache, the read side's projection and query handlers, commands and
 * imports, and the API description.
 */
package nl.partnershipregistry.api.config;
