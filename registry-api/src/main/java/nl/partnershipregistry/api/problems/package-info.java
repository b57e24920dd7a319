/**
 * What a failure means to a client: {@link nl.partnershipregistry.api.problems.Problems} turns
 * every failure (a value the domain refuses, a broken rule, a conflict, an address or partnership
 * not found, read models not ready, an unsupported format) into one RFC 7807 problem with its
 * status and headers, for the JSON API ({@link nl.partnershipregistry.api.problems.ProblemAdvice},
 * and {@link nl.partnershipregistry.api.problems.ProblemWebExceptionHandler} for requests no
 * controller answers), the import report's rejections and the pages' error pages alike.
 */
package nl.partnershipregistry.api.problems;
