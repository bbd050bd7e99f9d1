package org.onecampus.identity;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's profile as forms use it (prefill) and existence checks for person and org unit ids that
 * other modules store (form fields referencing people and units).
 */
public interface PersonProfiles {

	/** @return the person's profile from the primary active affiliation, or empty when there is no such person */
	Optional<Profile> profile(UUID personId);

	/** @return those of the ids that name a person; never null */
	Set<UUID> existingPersons(Collection<UUID> personIds);

	/** @return those of the ids that name an org unit; never null */
	Set<UUID> existingOrgUnits(Collection<UUID> orgUnitIds);

	/** @return the id of the org unit with this code, or empty */
	Optional<UUID> orgUnitIdByCode(String code);

	/**
	 * Fields are null when unknown (a visitor has no college, a member of staff no class).
	 * @param number 学号 / 工号 of the primary affiliation
	 * @param affiliationType UNDERGRADUATE, POSTGRADUATE, FACULTY, STAFF …
	 * @param unitId the primary affiliation's org unit; {@code unit} its name
	 * @param college name of the college above (or at) the primary unit
	 * @param major name of the major above the class
	 * @param className name of the class the person is in
	 * @param counsellor person id of the class's counsellor
	 * @param supervisor person id of the supervisor (postgraduates)
	 * @param classAdvisor person id of the class advisor (班主任)
	 * @param collegeId id of the college above (or at) the primary unit
	 */
	record Profile(UUID personId, String name, String nameEn, String number, String affiliationType, UUID unitId,
			String unit, String college, String major, String className, String phone, String email, UUID counsellor,
			UUID supervisor, UUID classAdvisor, UUID collegeId) {

		/**
		 * @return the person's 所在单位: the college their primary unit belongs to (a student's class, a faculty member's
		 *     research group), or the primary unit itself outside colleges (an office); null without an affiliation
		 */
		public UUID homeUnitId() {
			return collegeId != null ? collegeId : unitId;
		}
	}
}
