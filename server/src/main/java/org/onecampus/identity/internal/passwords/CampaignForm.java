package org.onecampus.identity.internal.passwords;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new weak-password campaign.
 *
 * @param allWeak every weak account in the administrator's scope; otherwise those in {@code orgUnitIds}
 * @param orgUnitIds org units whose members (with every unit below) are meant; may be null with {@code allWeak}
 * @param reminderDays remind this many days before the deadline, each round once; may be null
 */
record CampaignForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 200) String titleEn,
		@NotBlank @Size(max = 2000) String notice, boolean allWeak, @Size(max = 50) List<@NotNull UUID> orgUnitIds,
		@NotNull Instant deadline, @Size(max = 5) List<@NotNull @Min(1) @Max(60) Integer> reminderDays) {

	List<UUID> orgUnitIdsOrEmpty() {
		return allWeak || orgUnitIds == null ? List.of() : orgUnitIds.stream().distinct().toList();
	}

	List<Integer> reminderDaysOrEmpty() {
		return reminderDays == null ? List.of() : reminderDays.stream().distinct().sorted().toList();
	}
}
