package strata.survey;

import java.time.LocalDate;

/**
 * A customer as the invitation plan sees it.
 *
 * @param lastNps the latest day the customer was invited to an NPS survey or answered one, or null
 * @param lastCsat the latest day the customer was invited to a CSAT survey, or null
 * @param complaintClosed the latest day a complaint's recovery task was closed as done, or null
 */
public record SurveyCustomer(String id, String tier, LocalDate lastNps, LocalDate lastCsat, LocalDate complaintClosed) {}
