package org.onecampus.workflow.internal.files;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.onecampus.workflow.internal.files.UploadedFiles.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes uploads that no stored form data references once they are older than
 * {@code onecampus.workflow.files.orphan-days}. Cluster-safe: rows are taken with {@code for update skip locked},
 * so nodes running at once never delete the same file twice; the bytes go after the rows' transaction commits.
 */
@Component
class OrphanFileCleanup {

	private static final Logger log = LoggerFactory.getLogger(OrphanFileCleanup.class);

	private static final int BATCH = 500;

	private final UploadedFiles files;

	private final FileStore store;

	private final FilesProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OrphanFileCleanup(UploadedFiles files, FileStore store, FilesProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.files = files;
		this.store = store;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${onecampus.workflow.files.cleanup-interval:PT6H}", initialDelayString = "PT15M")
	void scheduled() {
		int deleted = run();
		if (deleted > 0) {
			log.info("Deleted {} unreferenced uploads older than {} days", deleted, properties.orphanDays());
		}
	}

	/** @return how many files were deleted */
	int run() {
		int total = 0;
		while (true) {
			List<StoredFile> batch = transaction.execute(status -> files
				.deleteOrphans(clock.instant().minus(Duration.ofDays(properties.orphanDays())), BATCH));
			if (batch == null || batch.isEmpty()) {
				return total;
			}
			for (StoredFile file : batch) {
				try {
					store.delete(file.storagePath());
				}
				catch (RuntimeException ex) {
					log.warn("Could not delete the bytes of orphan upload {}: {}", file.id(), ex.getMessage());
				}
			}
			total += batch.size();
			if (batch.size() < BATCH) {
				return total;
			}
		}
	}
}
