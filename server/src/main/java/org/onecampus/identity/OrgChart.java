package org.onecampus.identity;

import java.util.List;
import java.util.UUID;

/**
 * Who holds which position relative to a person, for approver rules in other modules (workflow):
 * "the head of the applicant's college", "the counsellor of the applicant's class", "the
 * applicant's supervisor", "two levels up". Only current positions and active affiliations count.
 */
public interface OrgChart {

	/**
	 * The kinds of position a person can hold at an org unit, as {@code identity_position.kind} stores them (the
	 * position editing and role grant endpoints accept exactly these).
	 */
	List<String> POSITION_KINDS = List.of("HEAD", "DEPUTY_HEAD", "COUNSELLOR", "CLASS_ADVISOR", "SUPERVISOR",
			"OFFICE_STAFF");

	/**
	 * @param personId the applicant; not null
	 * @param rule the rule; not null
	 * @return the persons the rule names, in a stable order; empty when nobody holds the position
	 * (never null)
	 */
	List<UUID> resolve(UUID personId, ApproverRule rule);

	/** A rule naming approvers relative to an applicant. */
	sealed interface ApproverRule {

		/** Heads of the college above the applicant's primary unit. */
		record CollegeHead() implements ApproverRule {
		}

		/** Counsellors of the class the applicant is in. */
		record ClassCounsellor() implements ApproverRule {
		}

		/** Class advisors (班主任) of the class the applicant is in. */
		record ClassAdvisor() implements ApproverRule {
		}

		/** Heads of the applicant's primary unit itself (other than the applicant). */
		record UnitHead() implements ApproverRule {
		}

		/**
		 * Holders of a position of {@code kind} (HEAD, DEPUTY_HEAD, COUNSELLOR, CLASS_ADVISOR, OFFICE_STAFF …)
		 * at one org unit, whoever the applicant is.
		 */
		record PositionAt(String kind, UUID orgUnitId) implements ApproverRule {

			public PositionAt {
				if (kind == null || kind.isBlank() || orgUnitId == null) {
					throw new IllegalArgumentException("a position needs a kind and an org unit");
				}
			}
		}

		/** The applicant's supervisors (postgraduates and PhD students). */
		record Supervisor() implements ApproverRule {
		}

		/**
		 * The {@code levels}-th manager up the tree: walking up from the applicant's primary unit,
		 * each unit with a current head other than the applicant is one level (1 = the direct
		 * manager, 2 = the manager's manager).
		 * @param levels 1 or more
		 */
		record LevelsUp(int levels) implements ApproverRule {

			public LevelsUp {
				if (levels < 1) {
					throw new IllegalArgumentException("levels must be 1 or more");
				}
			}
		}

		/**
		 * Parses {@code college-head}, {@code class-counsellor}, {@code class-advisor}, {@code unit-head},
		 * {@code supervisor}, {@code levels-up:N} or {@code KIND@orgUnitId}.
		 * @throws IllegalArgumentException for anything else
		 */
		static ApproverRule parse(String text) {
			return switch (text) {
				case "college-head" -> new CollegeHead();
				case "class-counsellor" -> new ClassCounsellor();
				case "class-advisor" -> new ClassAdvisor();
				case "unit-head" -> new UnitHead();
				case "supervisor" -> new Supervisor();
				default -> {
					int at = text.indexOf('@');
					if (at > 0) {
						yield new PositionAt(text.substring(0, at).toUpperCase(java.util.Locale.ROOT),
								UUID.fromString(text.substring(at + 1)));
					}
					if (text.startsWith("levels-up:")) {
						yield new LevelsUp(Integer.parseInt(text.substring("levels-up:".length())));
					}
					throw new IllegalArgumentException("unknown approver rule " + text);
				}
			};
		}
	}
}
