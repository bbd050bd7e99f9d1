package org.onecampus.workflow.internal.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onecampus.workflow.archive.*} (docs/admin-guide.md §Workflow history retention and
 * archiving).
 * @param afterMonths instances that ended more than this many months ago move to the archive tables;
 * 0 turns archiving off
 * @param cron when the job runs (every node schedules it; one node at a time does the work)
 * @param batchSize instances moved per transaction
 */
@ConfigurationProperties("onecampus.workflow.archive")
public record ArchiveProperties(@DefaultValue("24") int afterMonths, @DefaultValue("0 40 2 * * *") String cron,
		@DefaultValue("1000") int batchSize) {
}
