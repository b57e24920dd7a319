/**
 * The questions the registry answers, one package per question ({@code state}, {@code durability},
 * {@code funding}, {@code ledger}, {@code cohort}, {@code timeline}, {@code audit}, {@code
 * dossier}, {@code registry}, {@code survival}, {@code organisation}, {@code panel}, with {@code
 * common} below them all): query records named for what they ask, their answers as records, and how
 * each is computed. The Axon query handlers here ({@code PartnershipQueries}, {@code
 * RegistryQueries}) ask them; no question package reaches itself through another. Every question
 * takes an optional {@code asOf} (valid date, default today) and {@code asKnownOn} (transaction
 * instant, default now).
 */
package nl.partnershipregistry.projections.query;
