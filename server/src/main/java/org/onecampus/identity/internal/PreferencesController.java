package org.onecampus.identity.internal;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own preferences; for now the UI language, so that the choice follows the
 * person to another browser or phone.
 */
@RestController
class PreferencesController {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PreferencesController(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@GetMapping("/api/v1/me/preferences")
	@PreAuthorize("isAuthenticated()")
	Preferences preferences(@AuthenticationPrincipal CampusUser user) {
		return new Preferences(jdbc.sql("select locale from identity_account where id = ?")
			.param(user.accountId())
			.query(String.class)
			.optional()
			.orElse(null));
	}

	@PutMapping("/api/v1/me/preferences")
	@PreAuthorize("isAuthenticated()")
	@Transactional
	Preferences update(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody PreferencesChange change) {
		jdbc.sql("update identity_account set locale = ? where id = ?").params(change.locale(), user.accountId()).update();
		audit.record("identity.preferences-changed", "account:" + user.accountId(), Map.of("locale", change.locale()));
		return new Preferences(change.locale());
	}

	/** @param locale zh-CN or en-US; null when the person has not chosen */
	record Preferences(String locale) {
	}

	record PreferencesChange(@NotNull @Pattern(regexp = "zh-CN|en-US") String locale) {
	}
}
