package org.onecampus.identity.internal.apps;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.onecampus.identity.AppLinks;
import org.onecampus.identity.internal.apps.SsoApp.Protocol;

import org.springframework.stereotype.Service;

/** {@link AppLinks} over the app registry. */
@Service
class RegisteredAppLinks implements AppLinks {

	private final SsoApps apps;

	RegisteredAppLinks(SsoApps apps) {
		this.apps = apps;
	}

	@Override
	public Optional<App> appOfClient(String clientId) {
		return apps.byCode(clientId).filter(SsoApp::enabled).map(app -> new App(app.code(),
				Map.of("zh-CN", app.name(), "en-US", app.nameEn() == null ? app.name() : app.nameEn()),
				app.protocol().name()));
	}

	@Override
	public Optional<String> ssoEntry(String clientId, String link) {
		Optional<URI> uri = origin(link);
		if (uri.isEmpty()) {
			return Optional.empty();
		}
		return apps.byCode(clientId).filter(SsoApp::enabled).flatMap(app -> {
			boolean own = app.protocol() == Protocol.OIDC
					&& Stream.concat(app.redirectUris().stream(), app.postLogoutRedirectUris().stream())
						.map(RegisteredAppLinks::origin)
						.flatMap(Optional::stream)
						.anyMatch(uri.get()::equals);
			if (own) {
				return Optional.of(link);
			}
			// the system's browser side is a CAS app of the same department (or the app itself is CAS)
			return apps.casApps().stream()
				.filter(cas -> cas.code().equals(app.code()) || cas.ownerOrgCode().equals(app.ownerOrgCode()))
				.filter(cas -> cas.acceptsService(link))
				.findFirst()
				.map(cas -> "/cas/login?service=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
		});
	}

	/** scheme://host:port of an absolute http(s) URL without user info, or empty. */
	private static Optional<URI> origin(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
			return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}
}
