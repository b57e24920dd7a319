/**
 * The questions the registry answers, as query records named for what they ask, their answers as
 * records, and the Axon query handlers that compute them from the read models. Every question takes
 * an optional {@code asOf} (valid date, default today) and {@code asKnownOn} (transaction instant,
 * default now).
 */
package nl.partnershipregistry.projections.query;
