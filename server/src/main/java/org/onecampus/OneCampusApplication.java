package org.onecampus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneCampus: one sign-on, one service hall and one approval platform for a whole university.
 * A modular monolith; each top-level package below this one is a module (see {@code docs/modules}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OneCampusApplication {

	public static void main(String[] args) {
		SpringApplication.run(OneCampusApplication.class, args);
	}
}
