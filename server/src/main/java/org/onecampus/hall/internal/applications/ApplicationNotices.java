package org.onecampus.hall.internal.applications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.workflow.ApplicantNotices;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells applicants about their application through messaging, after the change committed: a receipt with the
 * promised time at submit, "needs you" when it is returned, "on hold" (who and why) when an administrator
 * suspends it and "handled again" when it is resumed, the result with a link at the end. Each notice has
 * an idempotency key per application and event, so a retried event sends nothing twice. Workflow sends no return
 * or end notice of its own for the instances behind applications ({@link ApplicantNotices}).
 */
@Component
class ApplicationNotices implements ApplicantNotices {

	static final String SENDER = "module:hall";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Applications applications;

	private final ServiceCatalogue catalogue;

	private final PersonDirectory directory;

	private final Messaging messaging;

	ApplicationNotices(Applications applications, ServiceCatalogue catalogue, PersonDirectory directory,
			Messaging messaging) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.directory = directory;
		this.messaging = messaging;
	}

	@Override
	public boolean notifiesApplicantOf(UUID instanceId) {
		return applications.byInstance(instanceId).isPresent();
	}

	@ApplicationModuleListener
	void on(ApplicationEvents.Submitted event) {
		applications.find(event.applicationId()).ifPresent(a -> {
			Integer days = catalogue.find(a.serviceCode()).map(i -> i.promisedDays()).orElse(null);
			Map<String, String> variables = variables(a);
			variables.put("time", TIME.format(a.submittedAt()));
			variables.put("days", days == null ? "—" : days.toString());
			send(a, "hall-application:" + a.id() + ":submitted", "hall-submitted", variables);
		});
	}

	@ApplicationModuleListener
	void on(ApplicationEvents.Returned event) {
		applications.find(event.applicationId()).ifPresent(a -> {
			Map<String, String> variables = variables(a);
			variables.put("comment", event.comment() == null || event.comment().isBlank() ? "—" : event.comment());
			send(a, "hall-application:" + a.id() + ":returned:" + event.returnCount(), "hall-returned", variables);
		});
	}

	@ApplicationModuleListener
	void on(ApplicationEvents.Suspended event) {
		applications.find(event.applicationId()).ifPresent(a -> {
			Map<String, String> variables = variables(a);
			variables.put("actor", event.actorId() == null ? "—" : directory.contact(event.actorId())
				.map(PersonDirectory.Contact::name).orElse("—"));
			variables.put("reason", blankToDash(event.reason()));
			send(a, "hall-application:" + a.id() + ":suspended:" + event.at().toEpochMilli(), "hall-suspended", variables);
		});
	}

	@ApplicationModuleListener
	void on(ApplicationEvents.Resumed event) {
		applications.find(event.applicationId()).ifPresent(a -> {
			Map<String, String> variables = variables(a);
			variables.put("reason", blankToDash(event.reason()));
			send(a, "hall-application:" + a.id() + ":resumed:" + event.at().toEpochMilli(), "hall-resumed", variables);
		});
	}

	private static String blankToDash(String text) {
		return text == null || text.isBlank() ? "—" : text;
	}

	@ApplicationModuleListener
	void on(ApplicationEvents.Ended event) {
		String template = switch (event.status()) {
			case "APPROVED" -> "hall-approved";
			case "REJECTED" -> "hall-rejected";
			case "TERMINATED" -> "hall-terminated";
			default -> null; // the applicant withdrew it themselves
		};
		if (template == null) {
			return;
		}
		applications.find(event.applicationId())
			.ifPresent(a -> send(a, "hall-application:" + a.id() + ":ended", template, variables(a)));
	}

	private Map<String, String> variables(ApplicationRecord application) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("service", catalogue.find(application.serviceCode())
			.map(i -> i.name().getOrDefault("zh-CN", application.serviceCode())).orElse(application.serviceCode()));
		variables.put("link", "/hall/applications/" + application.id());
		return variables;
	}

	private void send(ApplicationRecord application, String key, String template, Map<String, String> variables) {
		directory.contact(application.applicantId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			try {
				messaging.send(new SendMessage(SENDER, key, "result", SendMessage.Recipients.persons(username), template,
						variables, null, null, null));
			}
			catch (PlatformException ex) {
				// the key was used for this notice before (with a different text): it was sent already
				if (ex.status() != HttpStatus.CONFLICT) {
					throw ex;
				}
			}
		});
	}
}
