package org.onecampus.identity;

import java.util.Map;
import java.util.Optional;

/**
 * Links into registered campus systems, for modules that show such links to people (the to-do
 * centre): which app an OAuth2 client is, and how a signed-in browser opens a URL of that app through
 * single sign-on.
 */
public interface AppLinks {

	/** @return the enabled app registered under this OAuth2 client id, or empty */
	Optional<App> appOfClient(String clientId);

	/**
	 * Where a browser should go so that the link opens in the client's system already signed in: the
	 * link itself when the client is an OpenID Connect app and the link has the scheme, host and port of
	 * one of its redirect or post-logout redirect URIs (the app signs the person in through the platform
	 * on its own); otherwise the platform's {@code /cas/login?service=} with the link when a CAS app of
	 * the client's owning department (or the client itself) accepts the link as a service.
	 * @param link an absolute http(s) URL; not null
	 * @return the entry URL (absolute, or a path on this platform), or empty when the link is not the system's
	 */
	Optional<String> ssoEntry(String clientId, String link);

	/**
	 * @param name localized names ({@code zh-CN}, {@code en-US})
	 * @param protocol {@code CAS} or {@code OIDC}
	 */
	record App(String code, Map<String, String> name, String protocol) {
	}
}
