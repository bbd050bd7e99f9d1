package org.onecampus.identity.internal.passwords;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.passwords.DemoWeakPasswords.Department;

import static org.assertj.core.api.Assertions.assertThat;

class DemoWeakPasswordsTests {

	@Test
	void theHistoryTellsTheSeedsStoryFrom659To38() {
		assertThat(DemoWeakPasswords.weakTotal(DemoWeakPasswords.CAMPAIGN_DAYS_AGO)).isEqualTo(659);
		assertThat(DemoWeakPasswords.weakTotal(1)).isEqualTo(38);
		assertThat(DemoWeakPasswords.weakTotal(2)).isEqualTo(38);
		// Before the campaign it stays around 659; during it, it only falls.
		IntStream.rangeClosed(DemoWeakPasswords.CAMPAIGN_DAYS_AGO + 1, DemoWeakPasswords.HISTORY_DAYS)
			.forEach(ago -> assertThat(DemoWeakPasswords.weakTotal(ago)).isBetween(650, 668));
		IntStream.range(1, DemoWeakPasswords.CAMPAIGN_DAYS_AGO)
			.forEach(ago -> assertThat(DemoWeakPasswords.weakTotal(ago)).isLessThanOrEqualTo(DemoWeakPasswords.weakTotal(ago + 1)));
	}

	@Test
	void theDailyTotalIsSplitOverTheDepartmentsByTheirSizeAndAddsUp() {
		List<Department> departments = List.of(new Department(UUID.randomUUID(), 700), new Department(UUID.randomUUID(), 200),
				new Department(UUID.randomUUID(), 100));
		List<Integer> parts = DemoWeakPasswords.split(659, departments, 1000);
		assertThat(parts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(659);
		assertThat(parts.get(0)).isBetween(461, 462);
		assertThat(parts.get(1)).isBetween(131, 132);
		assertThat(parts.get(2)).isBetween(65, 66);
		assertThat(DemoWeakPasswords.split(0, departments, 1000)).containsExactly(0, 0, 0);
	}
}
