/**
 * Whether a partnership was durable on a date and why: one class per condition behind
 * DurabilityCondition, each judged on a Judged partnership with its evidence, and the indicators
 * that count the verdicts (FindDurabilityIndicators).
 */
package nl.partnershipregistry.projections.query.durability;
