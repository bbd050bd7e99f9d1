package org.onecampus.hall.internal.templates;

import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.kernel.error.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: installs every shipped template at start-up as {@code admin}, after the demo university, forms
 * and processes (DemoProcesses runs at 30) and the demo rooms, so the demo hall is full. Unchanged templates
 * change nothing on later starts.
 */
@Component
@Order(40)
class DemoTemplates implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);

	private final OneCampusProperties properties;

	private final ServiceTemplates templates;

	private final TemplateLibrary library;

	private final PersonDirectory directory;

	DemoTemplates(OneCampusProperties properties, ServiceTemplates templates, TemplateLibrary library,
			PersonDirectory directory) {
		this.properties = properties;
		this.templates = templates;
		this.library = library;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		UUID admin = directory.personIdByUsername("admin").orElse(null);
		if (admin == null) {
			return;
		}
		for (TemplateLibrary.ServiceTemplate template : library.all()) {
			try {
				if (templates.install(template.code(), admin).changed()) {
					log.info("Installed the service template {}", template.code());
				}
			}
			catch (PlatformException ex) {
				// A template that does not fit this university must not keep the demo from starting.
				log.error("Could not install the service template {}: {} {}", template.code(), ex.errorCode(),
						ex.fieldProblems());
			}
		}
	}
}
