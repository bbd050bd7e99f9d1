package org.onecampus.workflow.internal.files;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onecampus.workflow.files.*}.
 * @param maxSizeMb the largest upload accepted (a form field may set a lower limit); keep it at or below
 * {@code spring.servlet.multipart.max-file-size}
 * @param orphanDays uploads that no stored form data references are deleted after this many days
 * @param cleanupInterval how often the orphan clean-up runs
 */
@ConfigurationProperties("onecampus.workflow.files")
public record FilesProperties(@DefaultValue("20") int maxSizeMb, @DefaultValue("7") int orphanDays,
		@DefaultValue("PT6H") Duration cleanupInterval) {
}
