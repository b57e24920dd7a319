/** The web edge: controllers that translate HTTP into commands and queries, and nothing else. */
package nl.partnershipregistry.api.web;
