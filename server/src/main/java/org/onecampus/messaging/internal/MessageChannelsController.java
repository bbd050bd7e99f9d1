package org.onecampus.messaging.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel settings for administrators. Secret settings are write-only: the API answers only
 * whether each is set; leaving one out (or null) keeps the stored value, an empty string clears it.
 */
@RestController
@RequestMapping("/api/v1/messaging/channels")
class MessageChannelsController {

	private final ChannelRegistry channels;

	private final ChannelSettingsStore store;

	private final AuditLog audit;

	MessageChannelsController(ChannelRegistry channels, ChannelSettingsStore store, AuditLog audit) {
		this.channels = channels;
		this.store = store;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('messaging:channel:manage')")
	List<ChannelView> list() {
		return channels.all().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('messaging:channel:manage')")
	ChannelView get(@PathVariable String id) {
		return view(channel(id));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('messaging:channel:manage')")
	@Transactional
	ChannelView update(@PathVariable String id, @Valid @RequestBody ChannelChange change) {
		MessageChannel channel = channel(id);
		ChannelSettingsStore.Stored current = store.find(id)
			.orElse(new ChannelSettingsStore.Stored(false, Map.of(), Map.of(), 20));
		Map<String, String> plain = new HashMap<>();
		Map<String, String> secrets = new HashMap<>(current.secrets());
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> given = change.settings() == null ? Map.of() : change.settings();
		for (String key : given.keySet()) {
			if (channel.fields().stream().noneMatch(f -> f.name().equals(key))) {
				problems.add(new FieldProblem("settings." + key, "messaging.setting.unknown"));
			}
		}
		for (SettingField field : channel.fields()) {
			String value = given.get(field.name());
			if (field.secret()) {
				if (value != null) {
					if (value.isEmpty()) {
						secrets.remove(field.name());
					}
					else {
						secrets.put(field.name(), value);
					}
				}
			}
			else if (value != null && !value.isBlank()) {
				plain.put(field.name(), value.trim());
			}
		}
		var candidate = new ChannelSettingsStore.Stored(change.enabled(), plain, secrets, change.ratePerSecond());
		ChannelSettings settings = candidate.settings(channel);
		if (change.enabled()) {
			for (SettingField field : channel.fields()) {
				if (field.required() && settings.get(field.name()) == null) {
					problems.add(new FieldProblem("settings." + field.name(), "NotBlank"));
				}
			}
		}
		channel.validate(settings).forEach(p -> problems.add(new FieldProblem("settings." + p.field(), p.messageCode())));
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		store.save(id, change.enabled(), plain, secrets, change.ratePerSecond());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("enabled", change.enabled());
		details.put("settings", plain.keySet().stream().sorted().toList());
		details.put("secretsChanged", channel.fields().stream().filter(SettingField::secret)
			.map(SettingField::name).filter(given::containsKey).toList());
		audit.record("messaging.channel-configured", "channel:" + id, details);
		return view(channel);
	}

	private MessageChannel channel(String id) {
		return channels.find(id).orElseThrow(() -> PlatformException.notFound("channel", id));
	}

	private ChannelView view(MessageChannel channel) {
		var stored = store.find(channel.id()).orElse(new ChannelSettingsStore.Stored(false, Map.of(), Map.of(), 20));
		List<FieldView> fields = channel.fields().stream()
			.map(f -> new FieldView(f.name(), f.required(), f.secret(), f.defaultValue(),
					f.secret() ? null : stored.plain().get(f.name()), f.secret() && stored.secrets().containsKey(f.name())))
			.toList();
		return new ChannelView(channel.id(), stored.enabled(), stored.ratePerSecond(), channel.addressKind().name(), fields);
	}

	/**
	 * @param settings values by field name; secrets: null or absent keeps, "" clears
	 */
	record ChannelChange(@NotNull Boolean enabled, @NotNull @Min(1) @Max(10000) Integer ratePerSecond,
			Map<String, String> settings) {
	}

	/** @param value the plain value; always null for secrets @param secretSet whether a secret is stored */
	record FieldView(String name, boolean required, boolean secret, String defaultValue, String value,
			boolean secretSet) {
	}

	record ChannelView(String id, boolean enabled, int ratePerSecond, String addressKind, List<FieldView> fields) {
	}
}
