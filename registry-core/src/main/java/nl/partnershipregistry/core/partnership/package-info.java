/**
 * The partnership aggregate: its history on one timeline, the table of the kinds of fact it holds
 * ({@code FactKinds}: for each, its same-day rank, needs, effects and the step that changes the
 * fold's state), the one immutable fold of that history that the rules and every question read
 * ({@code PartnershipAsOf}), the routing of every fact command to the aggregate's one handler for
 * them ({@code FactCommandRouting}), the rules as named policies over it that keep the history free
 * of contradictions ({@code PartnershipPolicies}), and one exception per rule. Its identifiers and
 * coded values are in {@code vocabulary}, its commands in {@code command} and its events in {@code
 * event}.
 */
package nl.partnershipregistry.core.partnership;
