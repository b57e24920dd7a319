/**
 * The web edge: controllers that translate HTTP into commands ({@code CommandController}, {@code
 * ImportController}), questions ({@code QueryController}, with CSV tables; {@code
 * OrganisationController}; {@code PanelController}, the panel dataset as CSV and JSON Lines),
 * exports and the live stream of events ({@code EventController}) and operations ({@code
 * OperationsController}), and nothing else; failures become RFC 7807 problems in {@code
 * nl.partnershipregistry.api.problems}. {@code WebServerConfiguration} sets how connections are
 * served (timeouts, kept-alive connections). {@code QueryParameterRecords} makes the records of a
 * question's query parameters ({@code Moment}, the list selections) from the query string, and
 * {@code KnownParameters} refuses parameters an address does not take. {@code AppliedCommits} waits
 * until the read models have applied a commit, for {@code afterCommit} and for the pages' live
 * updates.
 */
package nl.partnershipregistry.api.web;
