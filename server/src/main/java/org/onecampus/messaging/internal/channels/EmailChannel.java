package org.onecampus.messaging.internal.channels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, in UTF-8 (subjects and bodies in Chinese are encoded as MIME requires). The
 * Message-ID is derived from the delivery id, so that a message re-sent after a crash can be
 * recognized as the same one. One SMTP connection is kept open while mails flow and closed after
 * 30 s idle; the delivery workers call a channel from one thread per node, so this is synchronized
 * only for safety.
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

	/** The SMTP connection kept open between mails of a run (reconnecting for every mail costs ~50 ms). */
	private Transport transport;

	private ChannelSettings connectedWith;

	private long lastUsed;

	@Override
	public synchronized DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		try {
			JavaMailSenderImpl sender = sender(settings);
			MimeMessage mime = new IdentifiedMimeMessage(sender.getSession(),
					"<delivery-" + delivery.id() + "@" + settings.get("domain", "onecampus.local") + ">");
			MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.get("from"));
			helper.setTo(delivery.address());
			helper.setSubject(delivery.title());
			helper.setText(delivery.body(), false);
			mime.saveChanges();
			try {
				connection(settings, sender).sendMessage(mime, mime.getAllRecipients());
			}
			catch (SendFailedException ex) {
				throw ex;
			}
			catch (MessagingException | IllegalStateException ex) {
				// The kept connection may have been closed by the server: once more on a fresh one.
				close();
				connection(settings, sender).sendMessage(mime, mime.getAllRecipients());
			}
			lastUsed = System.nanoTime();
			return DeliveryOutcome.sent();
		}
		catch (AuthenticationFailedException ex) {
			close();
			return DeliveryOutcome.retry("SMTP authentication failed");
		}
		catch (SendFailedException ex) {
			return DeliveryOutcome.failed("SMTP refused the address: " + ex.getMessage());
		}
		catch (MessagingException | IllegalStateException ex) {
			close();
			return DeliveryOutcome.retry("SMTP: " + ex.getMessage());
		}
	}

	private Transport connection(ChannelSettings settings, JavaMailSenderImpl sender) throws MessagingException {
		boolean idle = System.nanoTime() - lastUsed > 30_000_000_000L;
		if (transport != null && (!settings.equals(connectedWith) || idle || !transport.isConnected())) {
			close();
		}
		if (transport == null) {
			Transport fresh = sender.getSession().getTransport("smtp");
			fresh.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
			transport = fresh;
			connectedWith = settings;
		}
		return transport;
	}

	private void close() {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// already gone
			}
			transport = null;
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
		// The name we greet with; without it JavaMail looks up the local host name for every mail.
		props.put("mail.smtp.localhost", settings.get("domain", "onecampus.local"));
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
