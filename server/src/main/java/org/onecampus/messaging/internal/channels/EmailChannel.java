package org.onecampus.messaging.internal.channels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, in UTF-8 (subjects and bodies in Chinese are encoded as MIME requires). The
 * Message-ID is derived from the delivery id, so that a message re-sent after a crash can be
 * recognized as the same one.
 */
@Component
class EmailChannel implements MessageChannel {

	@Override
	public String id() {
		return "email";
	}

	@Override
	public List<SettingField> fields() {
		return List.of(SettingField.required("host"), SettingField.optional("port", "25"),
				SettingField.required("from"), SettingField.optional("username", null),
				new SettingField("password", false, true, null), SettingField.optional("starttls", "false"),
				SettingField.optional("domain", "onecampus.local"));
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.EMAIL;
	}

	@Override
	public List<SettingProblem> validate(ChannelSettings settings) {
		List<SettingProblem> problems = new ArrayList<>();
		try {
			int port = Integer.parseInt(settings.get("port", "25"));
			if (port < 1 || port > 65535) {
				problems.add(new SettingProblem("port", "messaging.setting.port"));
			}
		}
		catch (NumberFormatException ex) {
			problems.add(new SettingProblem("port", "messaging.setting.port"));
		}
		String from = settings.get("from");
		if (from != null && !from.matches("[^@\\s]+@[^@\\s]+")) {
			problems.add(new SettingProblem("from", "messaging.setting.email"));
		}
		return problems;
	}

	@Override
	public DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		JavaMailSenderImpl sender = sender(settings);
		try {
			MimeMessage mime = new IdentifiedMimeMessage(sender.getSession(),
					"<delivery-" + delivery.id() + "@" + settings.get("domain", "onecampus.local") + ">");
			MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.get("from"));
			helper.setTo(delivery.address());
			helper.setSubject(delivery.title());
			helper.setText(delivery.body(), false);
			sender.send(mime);
			return DeliveryOutcome.sent();
		}
		catch (MailAuthenticationException ex) {
			return DeliveryOutcome.retry("SMTP authentication failed");
		}
		catch (MailSendException ex) {
			boolean rejected = ex.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
			String reason = "SMTP: " + ex.getMostSpecificCause().getMessage();
			return rejected ? DeliveryOutcome.failed(reason) : DeliveryOutcome.retry(reason);
		}
		catch (MailException | MessagingException ex) {
			return DeliveryOutcome.retry("SMTP: " + ex.getMessage());
		}
	}

	private static JavaMailSenderImpl sender(ChannelSettings settings) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.get("host"));
		sender.setPort(Integer.parseInt(settings.get("port", "25")));
		sender.setUsername(settings.get("username"));
		sender.setPassword(settings.get("password"));
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties props = sender.getJavaMailProperties();
		props.put("mail.smtp.auth", String.valueOf(settings.get("username") != null));
		props.put("mail.smtp.starttls.enable", settings.get("starttls", "false"));
		props.put("mail.smtp.connectiontimeout", "5000");
		props.put("mail.smtp.timeout", "10000");
		props.put("mail.smtp.writetimeout", "10000");
		return sender;
	}

	/** A MIME message with a fixed Message-ID (JavaMail would otherwise generate one on save). */
	private static final class IdentifiedMimeMessage extends MimeMessage {

		private final String messageId;

		IdentifiedMimeMessage(jakarta.mail.Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
