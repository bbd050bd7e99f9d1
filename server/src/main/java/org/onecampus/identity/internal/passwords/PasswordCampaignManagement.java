package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.WeakPasswordCampaignNotice;
import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.identity.internal.passwords.PasswordCampaigns.Campaign;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, launching and cancelling weak-password campaigns within an administrator's scope. A
 * launch fixes the targets, tells them through a {@link WeakPasswordCampaignNotice} and counts
 * reminder rounds already due as sent, so a late launch does not send several notices at once.
 */
@Service
class PasswordCampaignManagement {

	private final PasswordCampaigns campaigns;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	PasswordCampaignManagement(PasswordCampaigns campaigns, JdbcClient jdbc, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws PlatformException 422 for a deadline not in the future or an empty scope; 404 for an org
	 * unit outside the administrator's scope
	 */
	@Transactional
	UUID create(CampaignForm form, Scope scope, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!form.deadline().isAfter(clock.instant())) {
			problems.add(new FieldProblem("deadline", "identity.campaign.deadline-past"));
		}
		if (!form.allWeak() && form.orgUnitIdsOrEmpty().isEmpty()) {
			problems.add(new FieldProblem("orgUnitIds", "identity.campaign.scope-empty"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		form.orgUnitIdsOrEmpty().forEach(scope::require);
		List<UUID> known = jdbc.sql("select id from identity_org_unit where id in (:ids)")
			.param("ids", form.orgUnitIdsOrEmpty().isEmpty() ? List.of(new UUID(0, 0)) : form.orgUnitIdsOrEmpty())
			.query(UUID.class).list();
		form.orgUnitIdsOrEmpty().stream().filter(unit -> !known.contains(unit)).findFirst().ifPresent(unit -> {
			throw PlatformException.notFound("org-unit", unit);
		});
		List<UUID> units = form.allWeak() ? (scope.whole() ? null : List.copyOf(scope.units()))
				: subtrees(form.orgUnitIdsOrEmpty());
		UUID id = UUID.randomUUID();
		campaigns.insert(id, form, units, by);
		audit.record("identity.password-campaign-created", "password-campaign:" + id,
				Map.of("title", form.title(), "allWeak", form.allWeak(), "orgUnits", form.orgUnitIdsOrEmpty().size(),
						"deadline", form.deadline().toString()));
		return id;
	}

	/**
	 * Launches a draft; launching a launched campaign again changes nothing.
	 * @throws PlatformException 404 when not visible, 409 when cancelled or closed, 422 when the
	 * deadline has passed or no weak account is in scope
	 */
	@Transactional
	Campaign launch(UUID id, Scope scope, String by) {
		Campaign campaign = visible(id, scope);
		String status = campaigns.lockStatus(id);
		if (PasswordCampaigns.STATUS_LAUNCHED.equals(status)) {
			return campaign;
		}
		if (!PasswordCampaigns.STATUS_DRAFT.equals(status)) {
			throw PlatformException.conflict("identity.campaign.not-draft", status);
		}
		if (!campaign.deadline().isAfter(clock.instant())) {
			throw PlatformException.invalid(List.of(new FieldProblem("deadline", "identity.campaign.deadline-past")));
		}
		int targets = campaigns.addTargets(id);
		if (targets == 0) {
			throw PlatformException.conflict("identity.campaign.no-targets");
		}
		campaigns.launched(id, by);
		List<UUID> persons = campaigns.markNotified(id);
		campaigns.recordReminderRounds(id, campaign.reminderDays().stream()
			.filter(days -> !campaign.deadline().minus(Duration.ofDays(days)).isAfter(clock.instant())).toList(), 0);
		events.publishEvent(new WeakPasswordCampaignNotice(id, "launch", WeakPasswordCampaignNotice.Kind.LAUNCHED,
				campaign.title(), campaign.titleEn(), campaign.notice(), campaign.deadline(), persons));
		audit.record("identity.password-campaign-launched", "password-campaign:" + id, Map.of("targets", targets));
		return visible(id, scope);
	}

	/** @throws PlatformException 404 when not visible, 409 when already cancelled or closed */
	@Transactional
	Campaign cancel(UUID id, Scope scope, String by) {
		visible(id, scope);
		String status = campaigns.lockStatus(id);
		if (!PasswordCampaigns.STATUS_DRAFT.equals(status) && !PasswordCampaigns.STATUS_LAUNCHED.equals(status)) {
			throw PlatformException.conflict("identity.campaign.not-active", status);
		}
		campaigns.cancelled(id, by);
		audit.record("identity.password-campaign-cancelled", "password-campaign:" + id, Map.of("status", status));
		return visible(id, scope);
	}

	Campaign visible(UUID id, Scope scope) {
		return campaigns.find(id, scope).orElseThrow(() -> PlatformException.notFound("password-campaign", id));
	}

	private List<UUID> subtrees(List<UUID> roots) {
		return jdbc.sql("""
				with recursive tree(id) as (
				  select id from identity_org_unit where id in (:roots)
				  union select o.id from identity_org_unit o join tree t on o.parent_id = t.id)
				select id from tree""").param("roots", roots).query(UUID.class).list();
	}
}
