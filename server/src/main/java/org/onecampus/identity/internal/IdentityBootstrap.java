package org.onecampus.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.onecampus.identity.internal.demo.DemoUniversity;
import org.onecampus.identity.internal.demo.DemoUniversityGenerator;
import org.onecampus.identity.internal.demo.DemoUniversityLoader;
import org.onecampus.kernel.OneCampusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First-start set-up: the demo university (demo profile) or the initial administrator (otherwise).
 * Later starts find the data there and do nothing.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

	/** The one password of every demo account; published in the README, demo profile only. */
	static final String DEMO_PASSWORD = "Xq7!campus-Demo";

	private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

	private final OneCampusProperties properties;

	private final DemoUniversityLoader demoLoader;

	private final InitialAdministrator initialAdministrator;

	private final PasswordEncoder passwords;

	private final Clock clock;

	IdentityBootstrap(OneCampusProperties properties, DemoUniversityLoader demoLoader,
			InitialAdministrator initialAdministrator, PasswordEncoder passwords, Clock clock) {
		this.properties = properties;
		this.demoLoader = demoLoader;
		this.initialAdministrator = initialAdministrator;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled() && !demoLoader.isLoaded()) {
			Instant start = clock.instant();
			DemoUniversity university = new DemoUniversityGenerator()
				.generate(properties.demo().seed(), LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
			// Demo only: one hash for the one shared password, so 5,000 accounts load in seconds.
			demoLoader.load(university, passwords.encode(DEMO_PASSWORD));
			log.info("Loaded the demo university: {} people, {} org units in {} ms", university.people().size(),
					university.orgUnits().size(), Duration.between(start, clock.instant()).toMillis());
		}
		else if (!properties.demo().enabled()) {
			initialAdministrator.createIfNoAccounts();
		}
	}
}
