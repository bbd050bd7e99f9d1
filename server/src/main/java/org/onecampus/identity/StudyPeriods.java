package org.onecampus.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * When a student is expected to graduate, for suggestions by the academic calendar (离校 services for graduating
 * students).
 */
public interface StudyPeriods {

	/**
	 * @return the earliest expected end of the person's active student affiliations (UNDERGRADUATE, POSTGRADUATE,
	 * PHD): the end date when one is set, otherwise the standard length of study after the start (4, 3 and 4 years;
	 * June 30 of that year); empty for a person who is not a student
	 */
	Optional<LocalDate> expectedGraduation(UUID personId);
}
