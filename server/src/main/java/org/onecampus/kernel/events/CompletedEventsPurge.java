package org.onecampus.kernel.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes completed module-event publications (Spring Modulith's {@code event_publication}) once they are
 * older than {@code onecampus.events.completed-retention} (7 days). Every published event leaves one row per
 * listener, marked completed when the listener is done, and Spring Modulith never deletes them: an approval
 * leaves a few, a sign-in one, so the table would grow by millions of rows a year for rows nothing reads
 * after a few days (what happened is in the audit log and each module's own tables). Publications not yet
 * completed (a listener failed, or is still running) are never deleted; they are resubmitted at restart.
 * Safe to run on every node at once.
 */
@Component
class CompletedEventsPurge {

	private static final Logger log = LoggerFactory.getLogger(CompletedEventsPurge.class);

	private final CompletedEventPublications completed;

	private final Duration retention;

	CompletedEventsPurge(CompletedEventPublications completed,
			@Value("${onecampus.events.completed-retention:P7D}") Duration retention) {
		this.completed = completed;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${onecampus.events.completed-purge-interval:PT1H}", initialDelayString = "PT5M")
	void purge() {
		completed.deletePublicationsOlderThan(retention);
		log.debug("Deleted event publications completed more than {} ago", retention);
	}
}
