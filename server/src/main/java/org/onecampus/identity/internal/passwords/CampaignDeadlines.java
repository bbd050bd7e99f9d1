package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.WeakPasswordCampaignNotice;
import org.onecampus.identity.WeakPasswordCampaignNotice.Kind;
import org.onecampus.identity.internal.passwords.PasswordCampaigns.Campaign;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the targets of launched campaigns that are still weak when a reminder round falls due,
 * and at the deadline makes them change their password at their next sign-in and closes the
 * campaign. Cluster-safe: each campaign is handled in its own transaction holding its row
 * ({@code for update skip locked}), so a node never works on a campaign another node is handling,
 * and each reminder round is a row that is written once.
 */
@Component
class CampaignDeadlines {

	private static final Logger log = LoggerFactory.getLogger(CampaignDeadlines.class);

	private final PasswordCampaigns campaigns;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	CampaignDeadlines(PasswordCampaigns campaigns, TransactionTemplate transaction, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.transaction = transaction;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${onecampus.identity.password-campaigns.check:PT5M}", initialDelayString = "PT1M")
	void check() {
		int handled = run();
		if (handled > 0) {
			log.info("Weak-password campaigns: {} reminder rounds or deadlines handled", handled);
		}
	}

	/** @return how many reminder rounds and deadlines were handled by this node */
	int run() {
		int handled = 0;
		for (UUID id : campaigns.launchedIds()) {
			Boolean done = transaction.execute(status -> campaigns.lockLaunched(id).map(this::handle).orElse(false));
			handled += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return handled;
	}

	private boolean handle(Campaign campaign) {
		Instant now = clock.instant();
		if (!campaign.deadline().isAfter(now)) {
			List<UUID> forced = campaigns.forceStillWeak(campaign.id());
			notice(campaign, "deadline", Kind.FORCED, forced);
			audit.record(new AuditEntry("system", "identity.password-campaign-closed", "password-campaign:" + campaign.id(),
					Map.of("forced", forced.size()), null));
			return true;
		}
		List<Integer> due = campaign.reminderDays().stream()
			.filter(days -> !campaign.deadline().minus(Duration.ofDays(days)).isAfter(now)).toList();
		if (due.isEmpty() || campaigns.recordReminderRounds(campaign.id(), due, 0) == 0) {
			return false;
		}
		int round = due.stream().mapToInt(Integer::intValue).min().orElseThrow();
		List<UUID> stillWeak = campaigns.remindStillWeak(campaign.id());
		notice(campaign, "remind-" + round, Kind.REMINDER, stillWeak);
		audit.record(new AuditEntry("system", "identity.password-campaign-reminded", "password-campaign:" + campaign.id(),
				Map.of("daysBefore", round, "recipients", stillWeak.size()), null));
		return true;
	}

	private void notice(Campaign campaign, String round, Kind kind, List<UUID> persons) {
		if (!persons.isEmpty()) {
			events.publishEvent(new WeakPasswordCampaignNotice(campaign.id(), round, kind, campaign.title(),
					campaign.titleEn(), campaign.notice(), campaign.deadline(), persons));
		}
	}
}
