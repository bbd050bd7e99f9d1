package org.onecampus.identity.internal.apps;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.internal.apps.SsoApp.Protocol;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing and removing apps, and issuing their client secrets. Every change is
 * audited; an OIDC app's registered client is rewritten in the same transaction.
 */
@Service
public class AppRegistry {

	private static final SecureRandom random = new SecureRandom();

	private final SsoApps apps;

	private final AppValidation validation;

	private final RegisteredClients clients;

	private final PasswordEncoder secrets;

	private final AuditLog audit;

	AppRegistry(SsoApps apps, AppValidation validation, RegisteredClients clients, ClientSecrets secrets,
			AuditLog audit) {
		this.apps = apps;
		this.validation = validation;
		this.clients = clients;
		this.secrets = secrets.encoder();
		this.audit = audit;
	}

	/** A stored app and, only right after it was generated, its client secret (shown once). */
	public record Registered(SsoApp app, String clientSecret) {
	}

	/**
	 * Registers an app. An OIDC app gets a generated client secret unless {@code secret} is given
	 * (the demo profile's documented secrets).
	 * @throws PlatformException 409 when the code is taken, 422 when a field is invalid
	 */
	@Transactional
	public Registered register(AppRequest request, String secret) {
		validation.check(request);
		if (apps.byCode(request.code()).isPresent()) {
			throw PlatformException.conflict("sso.app.code-taken", request.code());
		}
		SsoApp app = toApp(UUID.randomUUID(), request, false);
		apps.insert(app);
		String clientSecret = null;
		if (app.protocol() == Protocol.OIDC) {
			clientSecret = secret != null ? secret : newSecret();
			clients.sync(app, secrets.encode(clientSecret));
		}
		audit.record("sso.app.registered", "app:" + app.code(), summary(app));
		return new Registered(apps.byId(app.id()).orElseThrow(), secret != null ? null : clientSecret);
	}

	/** @throws PlatformException 404, 409 or 422 */
	@Transactional
	public SsoApp change(UUID id, AppRequest request) {
		SsoApp current = apps.byId(id).orElseThrow(() -> PlatformException.notFound("app", id));
		validation.check(request);
		if (!current.code().equals(request.code()) && apps.byCode(request.code()).isPresent()) {
			throw PlatformException.conflict("sso.app.code-taken", request.code());
		}
		if (current.protocol() != request.protocol()) {
			throw PlatformException.conflict("sso.app.protocol-fixed");
		}
		SsoApp changed = toApp(id, request, current.hasSecret());
		apps.update(changed);
		clients.sync(changed, null);
		audit.record("sso.app.changed", "app:" + changed.code(), summary(changed));
		return apps.byId(id).orElseThrow();
	}

	/** @throws PlatformException 404 */
	@Transactional
	public void remove(UUID id) {
		SsoApp app = apps.byId(id).orElseThrow(() -> PlatformException.notFound("app", id));
		clients.remove(app);
		apps.delete(id);
		audit.record("sso.app.removed", "app:" + app.code(), null);
	}

	/**
	 * Replaces an OIDC app's client secret; the old one stops working at once.
	 * @return the new secret, shown once
	 * @throws PlatformException 404, or 409 for a CAS app
	 */
	@Transactional
	public String newClientSecret(UUID id) {
		SsoApp app = apps.byId(id).orElseThrow(() -> PlatformException.notFound("app", id));
		if (app.protocol() != Protocol.OIDC) {
			throw PlatformException.conflict("sso.app.no-secret-for-cas");
		}
		String secret = newSecret();
		clients.sync(app, secrets.encode(secret));
		audit.record("sso.app.secret-replaced", "app:" + app.code(), null);
		return secret;
	}

	private static SsoApp toApp(UUID id, AppRequest r, boolean hasSecret) {
		boolean cas = r.protocol() == Protocol.CAS;
		String backchannel = r.backchannelLogoutUri() == null || r.backchannelLogoutUri().isBlank() ? null
				: r.backchannelLogoutUri().trim();
		return new SsoApp(id, r.code(), r.name().trim(), r.nameEn(), r.ownerOrgCode(), r.protocol(),
				cas ? AppRequest.orEmpty(r.servicePatterns()) : List.of(),
				cas ? List.of() : AppRequest.orEmpty(r.redirectUris()),
				cas ? List.of() : AppRequest.orEmpty(r.postLogoutRedirectUris()),
				cas ? List.of() : AppRequest.orEmpty(r.grantTypes()), cas ? List.of() : AppRequest.orEmpty(r.scopes()),
				AppRequest.orEmpty(r.releasedAttributes()), AppRequest.orEmpty(r.allowedAffiliations()),
				Boolean.TRUE.equals(r.requiresSecondFactor()), r.requireConsent() == null || r.requireConsent(), cas ? null : backchannel,
				r.enabled() == null || r.enabled(), hasSecret, null, null);
	}

	private static Map<String, Object> summary(SsoApp app) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("protocol", app.protocol().name());
		details.put("owner", app.ownerOrgCode());
		details.put("servicePatterns", app.servicePatterns());
		details.put("redirectUris", app.redirectUris());
		details.put("scopes", app.scopes());
		details.put("releasedAttributes", app.releasedAttributes());
		details.put("allowedAffiliations", app.allowedAffiliations());
		details.put("requiresSecondFactor", app.requiresSecondFactor());
		details.put("enabled", app.enabled());
		return details;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
