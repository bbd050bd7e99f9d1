package org.onecampus.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Audience;
import org.onecampus.identity.PersonDirectory.Contact;
import org.onecampus.identity.PersonDirectory.Resolution;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.messaging.MessageAccepted;
import org.onecampus.messaging.MessageReceipt;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.internal.Categories.Category;
import org.onecampus.messaging.internal.Templates.Template;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting a message: checks it, resolves the recipients through identity, renders it per channel
 * and language, and writes the message, its recipients and every delivery in one transaction (the
 * outbox the {@link DeliveryWorkers} drain).
 */
@Service
class DefaultMessaging implements Messaging {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final PersonDirectory directory;

	private final Categories categories;

	private final Templates templates;

	private final ChannelRegistry channels;

	private final ChannelSettingsStore settings;

	private final Recipients recipients;

	private final MessagingProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	DefaultMessaging(JdbcClient jdbc, JdbcTemplate batch, PersonDirectory directory, Categories categories,
			Templates templates, ChannelRegistry channels, ChannelSettingsStore settings, Recipients recipients,
			MessagingProperties properties, ApplicationEventPublisher events, AuditLog audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.directory = directory;
		this.categories = categories;
		this.templates = templates;
		this.channels = channels;
		this.settings = settings;
		this.recipients = recipients;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	@Override
	@Transactional
	public MessageReceipt send(SendMessage command) {
		Category category = check(command);
		String hash = hash(command);
		UUID id = UUID.randomUUID();
		// A repeated key is found by the insert below (no read before it: one round trip less per send). A repeat
		// that would be refused now (its template or a recipient gone since) still answers as before: with the
		// earlier receipt, or 409 when the key came with another request.
		List<Template> candidates;
		Resolution resolution;
		try {
			candidates = templateCandidates(command);
			resolution = directory.resolve(audience(command.recipients()));
			if (!resolution.unknown().isEmpty()) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-recipients",
						String.join(", ", resolution.unknown()));
			}
			if (resolution.personIds().isEmpty()) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.no-recipients");
			}
		}
		catch (PlatformException refused) {
			if (command.idempotencyKey() != null) {
				Optional<MessageReceipt> earlier = earlier(command, hash);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			throw refused;
		}
		// An accepted message must survive a crash right after the answer, whatever the server's default: the
		// insert, the first write of the transaction, also switches synchronous_commit on until its commit
		// (set_config(..., true) is set local; evaluated once, before any row is written)
		int inserted = jdbc.sql("""
				insert into messaging_message (id, sender, idempotency_key, request_hash, category_code, template_code,
				  title, body, variables, recipient_count)
				select ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::int where set_config('synchronous_commit', 'on', true) = 'on'
				on conflict (sender, idempotency_key) do nothing""")
			.params(id, command.sender(), command.idempotencyKey(), hash, category.code(), command.template(),
					command.title(), command.body(), json.writeValueAsString(command.variables()),
					resolution.personIds().size())
			.update();
		if (inserted == 0) { // a repeat, or a concurrent send with the same key won (it has committed by now)
			return earlier(command, hash).orElseThrow();
		}
		List<Contact> contacts = directory.contacts(resolution.personIds());
		List<Planned> planned = recipients.plan(category, command.channels(), enabledChannels(), contacts);
		Map<String, Rendered> rendered = new TreeMap<>();
		List<Object[]> deliveryRows = new ArrayList<>(planned.size());
		Instant now = clock.instant();
		for (Planned p : planned) {
			Rendered text = rendered.computeIfAbsent(p.channel().id() + "|" + p.locale(),
					k -> render(command, candidates, p.channel().id(), p.locale()));
			boolean noAddress = p.channel().addressKind() != MessageChannel.AddressKind.PERSON && p.address() == null;
			deliveryRows.add(new Object[] { id, p.contact().personId(), p.contact().username(), p.channel().id(),
					category.code(), noAddress ? "FAILED" : "QUEUED", text.title(), text.body(), p.address(),
					noAddress ? "no address" : null, Timestamp.from(p.notBefore() == null ? now : p.notBefore()) });
		}
		batch.batchUpdate("insert into messaging_recipient (message_id, person_id, username, locale) values (?, ?, ?, ?)",
				contacts.stream().map(c -> new Object[] { id, c.personId(), c.username(), Recipients.locale(c) }).toList());
		batch.batchUpdate("""
				insert into messaging_delivery (message_id, person_id, username, channel, category_code, status, title, body,
				  address, reason, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", deliveryRows);
		events.publishEvent(new MessageAccepted(id, command.sender(), category.code(), contacts.size(), deliveryRows.size()));
		audit.record("messaging.message-sent", "message:" + id, auditDetails(command, contacts.size(), deliveryRows.size()));
		return new MessageReceipt(id, contacts.size(), deliveryRows.size(), now, false);
	}

	private Category check(SendMessage command) {
		List<FieldProblem> problems = new ArrayList<>();
		if (command.category() == null || command.category().isBlank()) {
			problems.add(new FieldProblem("category", "NotBlank"));
		}
		if (command.recipients() == null || audience(command.recipients()).isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.no-recipients");
		}
		if (command.template() == null) {
			if (command.title() == null || command.title().isBlank()) {
				problems.add(new FieldProblem("title", "NotBlank"));
			}
			if (command.body() == null || command.body().isBlank()) {
				problems.add(new FieldProblem("body", "NotBlank"));
			}
		}
		if (command.idempotencyKey() != null && command.idempotencyKey().length() > 128) {
			problems.add(new FieldProblem("Idempotency-Key", "messaging.idempotency-key.size"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		checkLength(command.title(), command.body());
		for (String channel : command.channels()) {
			if (!channels.exists(channel)) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-channel", channel);
			}
		}
		return categories.find(command.category())
			.orElseThrow(() -> new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-category",
					command.category()));
	}

	private void checkLength(String title, String body) {
		if (title != null && title.length() > properties.maxTitleLength()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.title-too-long", title.length(),
					properties.maxTitleLength());
		}
		if (body != null && body.length() > properties.maxBodyLength()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.body-too-long", body.length(),
					properties.maxBodyLength());
		}
	}

	private Optional<MessageReceipt> earlier(SendMessage command, String hash) {
		return jdbc.sql("""
				select m.id, m.request_hash, m.recipient_count, m.created_at,
				  (select count(*) from messaging_delivery d where d.message_id = m.id) as deliveries
				from messaging_message m where m.sender = ? and m.idempotency_key = ?""")
			.params(command.sender(), command.idempotencyKey())
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(hash)) {
					throw PlatformException.conflict("messaging.idempotency-key-reused", command.idempotencyKey());
				}
				return new MessageReceipt(rs.getObject("id", UUID.class), rs.getInt("recipient_count"),
						rs.getInt("deliveries"), rs.getTimestamp("created_at").toInstant(), true);
			})
			.optional();
	}

	private List<Template> templateCandidates(SendMessage command) {
		if (command.template() == null) {
			return List.of();
		}
		List<Template> candidates = templates.byCode(command.template());
		if (candidates.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-template", command.template());
		}
		for (Template t : candidates) {
			List<String> missing = new ArrayList<>(TemplateText.missing(t.title(), command.variables()));
			TemplateText.missing(t.body(), command.variables()).stream().filter(m -> !missing.contains(m)).forEach(missing::add);
			if (!missing.isEmpty()) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.template-variable-missing",
						String.join(", ", missing), command.template());
			}
		}
		return candidates;
	}

	private Rendered render(SendMessage command, List<Template> candidates, String channel, String locale) {
		if (command.template() == null) {
			return new Rendered(command.title(), command.body());
		}
		Template t = Templates.choose(candidates, channel, locale).orElseThrow();
		Rendered rendered = new Rendered(TemplateText.render(t.title(), command.variables()),
				TemplateText.render(t.body(), command.variables()));
		checkLength(rendered.title(), rendered.body());
		return rendered;
	}

	private List<String> enabledChannels() {
		java.util.Set<String> enabled = settings.enabled();
		return channels.all().stream()
			.map(MessageChannel::id)
			.filter(enabled::contains)
			.toList();
	}

	static Audience audience(SendMessage.Recipients r) {
		return new Audience(r.persons(), r.orgUnits(), r.includeSubUnits(), r.positions(), r.roles(), r.affiliationTypes());
	}

	private String hash(SendMessage command) {
		Map<String, Object> canonical = new LinkedHashMap<>();
		canonical.put("category", command.category());
		canonical.put("recipients", command.recipients());
		canonical.put("template", command.template());
		canonical.put("variables", new TreeMap<>(command.variables()));
		canonical.put("title", command.title());
		canonical.put("body", command.body());
		canonical.put("channels", command.channels());
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> auditDetails(SendMessage command, int recipients, int deliveries) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("sender", command.sender());
		details.put("category", command.category());
		if (command.template() != null) {
			details.put("template", command.template());
		}
		details.put("recipients", recipients);
		details.put("deliveries", deliveries);
		return details;
	}

	private record Rendered(String title, String body) {
	}

	/** One delivery to write: a person, a channel, the address and when it may be sent at the earliest. */
	record Planned(Contact contact, MessageChannel channel, String locale, String address, Instant notBefore) {
	}
}
