package org.onecampus.messaging.internal;

import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.SelfRegistrationCodeRequested;
import org.onecampus.identity.SelfRegistrations;
import org.onecampus.identity.SelfRegistrations.CodeToSend;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a self-registration code by SMS with the {@code verification-code} template. The registrant
 * is nobody yet, so there is no person to put in the outbox: the code goes straight to the SMS
 * channel with its configured gateway, retried a few times at once when the gateway asks for it. The
 * event carries no code; it is fetched from identity once, so a redelivered event sends nothing twice.
 */
@Component
class SelfRegistrationCodes {

	private static final Logger log = LoggerFactory.getLogger(SelfRegistrationCodes.class);

	static final String CHANNEL = "sms";

	static final int ATTEMPTS = 3;

	private final SelfRegistrations registrations;

	private final ChannelRegistry channels;

	private final ChannelSettingsStore settings;

	private final Templates templates;

	private final AuditLog audit;

	SelfRegistrationCodes(SelfRegistrations registrations, ChannelRegistry channels, ChannelSettingsStore settings,
			Templates templates, AuditLog audit) {
		this.registrations = registrations;
		this.channels = channels;
		this.settings = settings;
		this.templates = templates;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(SelfRegistrationCodeRequested event) {
		MessageChannel sms = channels.find(CHANNEL).orElseThrow();
		var stored = settings.find(CHANNEL).filter(ChannelSettingsStore.Stored::enabled);
		if (stored.isEmpty()) {
			log.warn("Self-registration {}: the SMS channel is not enabled, no code sent", event.requestId());
			record(event.requestId(), "FAILED", "sms channel disabled");
			return;
		}
		var code = registrations.codeFor(event.requestId());
		if (code.isEmpty()) {
			return;
		}
		Map<String, String> variables = Map.of("code", code.get().code(), "minutes", Integer.toString(event.minutes()));
		Templates.Template template = Templates.choose(templates.byCode("verification-code"), CHANNEL, "zh-CN")
			.orElseThrow(() -> new IllegalStateException("No verification-code template"));
		OutgoingDelivery delivery = delivery(event.requestId(), code.get(), TemplateText.render(template.title(), variables),
				TemplateText.render(template.body(), variables));
		DeliveryOutcome outcome = DeliveryOutcome.retry("not tried");
		for (int attempt = 1; attempt <= ATTEMPTS && outcome.kind() == DeliveryOutcome.Kind.RETRY; attempt++) {
			try {
				outcome = sms.deliver(withAttempt(delivery, attempt), stored.get().settings(sms));
			}
			catch (RuntimeException ex) {
				outcome = DeliveryOutcome.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
		record(event.requestId(), outcome.kind() == DeliveryOutcome.Kind.SENT ? "SENT" : "FAILED", outcome.reason());
	}

	private void record(UUID requestId, String status, String reason) {
		audit.record(new AuditEntry("system", "messaging.self-registration-code",
				"self-registration:" + requestId, reason == null ? Map.of("status", status)
						: Map.of("status", status, "reason", reason.length() > 200 ? reason.substring(0, 200) : reason),
				null));
	}

	private static OutgoingDelivery delivery(UUID requestId, CodeToSend code, String title, String body) {
		return new OutgoingDelivery(requestId.getMostSignificantBits() & Long.MAX_VALUE, requestId, null, null,
				code.phone(), "verification-code", title, body, 1);
	}

	private static OutgoingDelivery withAttempt(OutgoingDelivery d, int attempt) {
		return new OutgoingDelivery(d.id(), d.messageId(), d.personId(), d.username(), d.address(), d.category(),
				d.title(), d.body(), attempt);
	}
}
