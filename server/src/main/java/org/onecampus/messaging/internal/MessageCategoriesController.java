package org.onecampus.messaging.internal;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.internal.Categories.Category;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Message categories: everyone may list them (for preferences); administrators set priority, channels, mandatory. */
@RestController
@RequestMapping("/api/v1/messaging/categories")
class MessageCategoriesController {

	private final Categories categories;

	private final ChannelRegistry channels;

	private final AuditLog audit;

	MessageCategoriesController(Categories categories, ChannelRegistry channels, AuditLog audit) {
		this.categories = categories;
		this.channels = channels;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<Category> list() {
		return categories.all();
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('messaging:category:manage')")
	@Transactional
	Category update(@PathVariable String code, @Valid @RequestBody CategoryChange change) {
		Category current = categories.find(code).orElseThrow(() -> PlatformException.notFound("category", code));
		for (String channel : change.defaultChannels()) {
			if (!channels.exists(channel)) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "messaging.unknown-channel", channel);
			}
		}
		Category updated = new Category(code, current.name(), current.nameEn(), change.priority(), change.mandatory(),
				List.copyOf(change.defaultChannels()));
		categories.update(updated);
		audit.record("messaging.category-changed", "category:" + code, Map.of("priority", change.priority(), "mandatory",
				change.mandatory(), "defaultChannels", change.defaultChannels()));
		return updated;
	}

	record CategoryChange(@NotNull @Pattern(regexp = "LOW|NORMAL|HIGH|URGENT") String priority, @NotNull Boolean mandatory,
			@NotEmpty List<String> defaultChannels) {
	}
}
