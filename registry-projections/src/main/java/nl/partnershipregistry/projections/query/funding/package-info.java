/**
 * How a partnership was funded on a date: the funding mix by kind of money, subsidy dependence and
 * the subsidy cliffs ahead (FindFundingMix).
 */
package nl.partnershipregistry.projections.query.funding;
