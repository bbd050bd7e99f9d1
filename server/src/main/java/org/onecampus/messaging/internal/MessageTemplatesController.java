package org.onecampus.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.internal.Templates.Template;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Templates per code, channel ({@code default} for all) and language, with {@code {{variable}}}
 * placeholders, and a preview that renders one as a recipient would get it.
 */
@RestController
@RequestMapping("/api/v1/messaging/templates")
class MessageTemplatesController {

	private final Templates templates;

	private final Categories categories;

	private final ChannelRegistry channels;

	private final MessagingProperties properties;

	private final AuditLog audit;

	MessageTemplatesController(Templates templates, Categories categories, ChannelRegistry channels,
			MessagingProperties properties, AuditLog audit) {
		this.templates = templates;
		this.categories = categories;
		this.channels = channels;
		this.properties = properties;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('messaging:template:manage', 'messaging:message:send')")
	List<TemplateView> list() {
		return templates.all().stream()
			.map(t -> new TemplateView(t.code(), t.channel(), t.locale(), t.categoryCode(), t.title(), t.body(),
					variables(t)))
			.toList();
	}

	@PutMapping("/{code}/{channel}/{locale}")
	@PreAuthorize("hasAuthority('messaging:template:manage')")
	@Transactional
	TemplateView save(@PathVariable String code, @PathVariable String channel, @PathVariable String locale,
			@Valid @RequestBody TemplateChange change) {
		if (!code.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw PlatformException.invalid(List.of(new PlatformException.FieldProblem("code", "messaging.template.code")));
		}
		if (!Templates.DEFAULT_CHANNEL.equals(channel) && !channels.exists(channel)) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-channel", channel);
		}
		if (!locale.equals("zh-CN") && !locale.equals("en-US")) {
			throw PlatformException.invalid(List.of(new PlatformException.FieldProblem("locale", "messaging.template.locale")));
		}
		if (categories.find(change.category()).isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-category", change.category());
		}
		if (change.body().length() > properties.maxBodyLength()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.body-too-long", change.body().length(),
					properties.maxBodyLength());
		}
		Template template = new Template(code, channel, locale, change.category(), change.title(), change.body());
		templates.save(template);
		audit.record("messaging.template-saved", "template:" + code + "/" + channel + "/" + locale,
				Map.of("category", change.category()));
		return new TemplateView(code, channel, locale, change.category(), change.title(), change.body(), variables(template));
	}

	@DeleteMapping("/{code}/{channel}/{locale}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('messaging:template:manage')")
	@Transactional
	void delete(@PathVariable String code, @PathVariable String channel, @PathVariable String locale) {
		if (!templates.delete(code, channel, locale)) {
			throw PlatformException.notFound("template", code + "/" + channel + "/" + locale);
		}
		audit.record("messaging.template-deleted", "template:" + code + "/" + channel + "/" + locale, null);
	}

	/** Renders a template for a channel and language with the given variables (422 naming a missing one). */
	@PostMapping("/{code}/preview")
	@PreAuthorize("hasAnyAuthority('messaging:template:manage', 'messaging:message:send')")
	Preview preview(@PathVariable String code, @Valid @RequestBody PreviewRequest request) {
		List<Template> candidates = templates.byCode(code);
		if (candidates.isEmpty()) {
			throw PlatformException.notFound("template", code);
		}
		String locale = request.locale() == null ? "zh-CN" : request.locale();
		String channel = request.channel() == null ? Templates.DEFAULT_CHANNEL : request.channel();
		Template t = Templates.choose(candidates, channel, locale).orElseThrow();
		Map<String, String> values = request.variables() == null ? Map.of() : request.variables();
		List<String> missing = new ArrayList<>(TemplateText.missing(t.title(), values));
		TemplateText.missing(t.body(), values).stream().filter(m -> !missing.contains(m)).forEach(missing::add);
		if (!missing.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.template-variable-missing",
					String.join(", ", missing), code);
		}
		return new Preview(t.channel(), t.locale(), TemplateText.render(t.title(), values), TemplateText.render(t.body(), values));
	}

	private static List<String> variables(Template t) {
		List<String> names = new ArrayList<>(TemplateText.variables(t.title()));
		TemplateText.variables(t.body()).stream().filter(n -> !names.contains(n)).forEach(names::add);
		return names;
	}

	record TemplateChange(@NotBlank String category, @NotBlank @Size(max = 200) String title, @NotBlank String body) {
	}

	record PreviewRequest(@Pattern(regexp = "zh-CN|en-US") String locale, String channel, Map<String, String> variables) {
	}

	/** @param channel and @param locale the template actually used (after fallback) */
	record Preview(String channel, String locale, String title, String body) {
	}

	record TemplateView(String code, String channel, String locale, String category, String title, String body,
			List<String> variables) {
	}
}
