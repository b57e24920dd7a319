/**
 * What the registry knew and when: a partnership's recorded events, corrections and retractions in
 * the order they were recorded (FindAuditTrail), and what changed in its answers between two states
 * of knowledge (FindKnowledgeChanges).
 */
package nl.partnershipregistry.projections.query.audit;
