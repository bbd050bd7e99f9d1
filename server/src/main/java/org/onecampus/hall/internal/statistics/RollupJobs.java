package org.onecampus.hall.internal.statistics;

import org.onecampus.workflow.ProcessInstanceEnded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the rollups catch up: right after an instance ends (its application row is final by then or soon after), every
 * few seconds for whatever else changed (submissions, evaluations, returns), and a full rebuild every night.
 */
@Component
class RollupJobs {

	private final Rollups rollups;

	RollupJobs(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(ProcessInstanceEnded event) {
		rollups.drain(false);
	}

	@Scheduled(fixedDelayString = "${onecampus.hall.statistics.drain:PT10S}", initialDelayString = "PT30S")
	void drain() {
		rollups.drain(false);
	}

	@Scheduled(cron = "${onecampus.hall.statistics.rebuild-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void rebuild() {
		rollups.rebuild();
	}
}
