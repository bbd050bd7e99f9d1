package org.onecampus.identity.internal.apps;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusApps;
import org.onecampus.identity.Memberships;
import org.onecampus.identity.internal.apps.SsoApp.Protocol;

import org.springframework.stereotype.Component;

/**
 * {@link CampusApps} from the app registry. An app's home is taken from its registration: for CAS the literal start
 * of its first service pattern ({@code https://lib.example.edu/.*} → {@code https://lib.example.edu/}), for OIDC its
 * first post-logout redirect URI or else the origin of its first redirect URI. OIDC apps without the authorization
 * code grant (system clients) and apps with neither have no home and are never listed.
 */
@Component
class JdbcCampusApps implements CampusApps {

	private final SsoApps apps;

	private final Memberships memberships;

	JdbcCampusApps(SsoApps apps, Memberships memberships) {
		this.apps = apps;
		this.memberships = memberships;
	}

	@Override
	public Optional<CampusApp> app(String code) {
		return apps.byCode(code).filter(SsoApp::enabled).map(JdbcCampusApps::view);
	}

	@Override
	public List<CampusApp> openableBy(UUID personId) {
		Set<String> types = memberships.of(personId).affiliationTypes();
		return apps.all().stream().filter(SsoApp::enabled).map(JdbcCampusApps::view)
			.filter(app -> app.homeUrl() != null)
			.filter(app -> app.allowedAffiliations().isEmpty() || app.allowedAffiliations().stream().anyMatch(types::contains))
			.sorted(Comparator.comparing(CampusApp::name)).toList();
	}

	@Override
	public boolean allows(CampusApp app, String deepLink) {
		URI link = absolute(deepLink);
		if (link == null) {
			return false;
		}
		SsoApp registered = apps.byCode(app.code()).orElse(null);
		if (registered == null) {
			return false;
		}
		if (registered.protocol() == Protocol.CAS) {
			return registered.acceptsService(deepLink) || registered.servicePatterns().stream()
				.map(JdbcCampusApps::literalPrefix).map(JdbcCampusApps::absolute).anyMatch(base -> sameOrigin(base, link));
		}
		return registered.redirectUris().stream().map(JdbcCampusApps::absolute).anyMatch(base -> sameOrigin(base, link));
	}

	@Override
	public String launchUrl(CampusApp app, String deepLink) {
		if (Protocol.CAS.name().equals(app.protocol())) {
			return "/cas/login?service=" + URLEncoder.encode(deepLink, StandardCharsets.UTF_8);
		}
		return deepLink;
	}

	private static CampusApp view(SsoApp app) {
		return new CampusApp(app.code(), app.name(), app.nameEn(), app.protocol().name(), home(app),
				app.allowedAffiliations());
	}

	private static String home(SsoApp app) {
		if (app.protocol() == Protocol.CAS) {
			return app.servicePatterns().stream().map(JdbcCampusApps::literalPrefix)
				.filter(prefix -> absolute(prefix) != null).findFirst().orElse(null);
		}
		if (!app.grantTypes().contains("authorization_code")) {
			return null; // a system client (client credentials only): nobody signs in to it
		}
		if (!app.postLogoutRedirectUris().isEmpty() && absolute(app.postLogoutRedirectUris().get(0)) != null) {
			return app.postLogoutRedirectUris().get(0);
		}
		return app.redirectUris().stream().map(JdbcCampusApps::absolute).filter(Objects::nonNull)
			.map(uri -> uri.getScheme() + "://" + uri.getRawAuthority() + "/").findFirst().orElse(null);
	}

	/** The pattern's text up to its first regular expression construct, with {@code \.} read as a dot. */
	static String literalPrefix(String pattern) {
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < pattern.length() && ".:/-?".indexOf(pattern.charAt(i + 1)) >= 0) {
				prefix.append(pattern.charAt(++i));
			}
			else if (".*+?()[]{}|^$\\".indexOf(c) >= 0) {
				break;
			}
			else {
				prefix.append(c);
			}
		}
		return prefix.toString();
	}

	private static URI absolute(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	private static boolean sameOrigin(URI base, URI link) {
		return base != null && base.getScheme().equalsIgnoreCase(link.getScheme())
				&& base.getHost().equalsIgnoreCase(link.getHost()) && port(base) == port(link);
	}

	private static int port(URI uri) {
		return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
	}
}
