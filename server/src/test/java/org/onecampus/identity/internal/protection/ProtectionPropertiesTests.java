package org.onecampus.identity.internal.protection;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectionPropertiesTests {

	private final ProtectionProperties properties = new ProtectionProperties(Duration.ofMinutes(15), 5, 50, 200,
			Duration.ofSeconds(1), Duration.ofMinutes(15), 20, Duration.ofMinutes(30), 180);

	@ParameterizedTest(name = "{0} failures with {1} free wait {2} s")
	@CsvSource(textBlock = """
			0, 5, 0
			5, 5, 0
			6, 5, 1
			7, 5, 2
			8, 5, 4
			12, 5, 64
			16, 5, 900
			500, 5, 900
			50, 50, 0
			51, 50, 1
			""")
	void delaysDoubleAfterTheFreeFailuresUpToTheMaximum(int failures, int free, long seconds) {
		assertThat(properties.delay(failures, free)).isEqualTo(Duration.ofSeconds(seconds));
	}

	@ParameterizedTest(name = "{0} is in {1}")
	@CsvSource(textBlock = """
			10.12.34.56, 10.12.34.0/24
			203.0.113.200, 203.0.113.0/24
			2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64
			0:0:0:0:0:0:0:1, ::/64
			2001:db8:0:0:1:0:0:1, 2001:db8::/64
			""")
	void addressesAreGroupedIntoSubnets(String address, String subnet) {
		assertThat(SignInSource.subnetOf(address)).isEqualTo(subnet);
	}
}
