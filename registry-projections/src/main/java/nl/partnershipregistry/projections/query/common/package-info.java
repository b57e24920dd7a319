/**
 * What the questions share: a partnership's events read as the registry knew them
 * (PartnershipReader), findings with their English texts (Finding, Findings, findings.properties)
 * and plain text for searching.
 */
package nl.partnershipregistry.projections.query.common;
