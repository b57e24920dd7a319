/**
 * What partners promised and delivered: a partnership's commitment ledger (FindCommitmentLedger)
 * and an organisation's track record of delivery across partnerships (FindTrackRecord).
 */
package nl.partnershipregistry.projections.query.ledger;
