package strata.survey;

/**
 * One group's satisfaction over a period. Ratios are null, never 0, when there is nothing to divide by.
 *
 * @param group the group's key; null for customers without one (no tier, no category) and in the all-groups row
 * @param all true for the row over every customer of the table
 * @param invited invitations sent in the period
 * @param answered of those, answered
 * @param responseRate answered ÷ invited, 0..1, with its Wilson 95 % interval {@code rateLower..rateUpper}; null
 *     when nobody was invited
 * @param nps % promoters (9-10) − % detractors (0-6) over {@code npsAnswers} customers' latest answers, in points
 * @param csat mean of {@code csatAnswers} customers' latest 1-5 answers
 */
public record SatisfactionRow(String group, boolean all, long invited, long answered, Double responseRate,
    Double rateLower, Double rateUpper, Double nps, long npsAnswers, Double csat, long csatAnswers) {}
