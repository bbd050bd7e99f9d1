package org.onecampus.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The single sign-on apps of the identity app registry as other modules need them: which apps a person may open
 * (the home page) and how a deep link into an app is opened through single sign-on (service hall LINK items).
 */
public interface CampusApps {

	/** @return the enabled app with this code, or empty */
	Optional<CampusApp> app(String code);

	/**
	 * @return the enabled apps with a launch URL that the person may use (an empty list of allowed affiliations
	 * admits everyone), by name
	 */
	List<CampusApp> openableBy(UUID personId);

	/**
	 * @param deepLink an absolute http(s) URL inside the app
	 * @return whether the app's registration allows the link's host (a CAS service pattern or an OIDC redirect URI
	 * on the same scheme, host and port)
	 */
	boolean allows(CampusApp app, String deepLink);

	/**
	 * @return where a browser goes to open the link signed in: CAS apps through {@code /cas/login?service=…},
	 * OIDC apps at the link itself (the app starts the sign-in)
	 */
	String launchUrl(CampusApp app, String deepLink);

	/**
	 * @param protocol CAS or OIDC
	 * @param homeUrl the app's entry page (from its registration), or null when it has none
	 * @param allowedAffiliations affiliation types that may use it; empty: everyone
	 */
	record CampusApp(String code, String name, String nameEn, String protocol, String homeUrl,
			List<String> allowedAffiliations) {

		public CampusApp {
			allowedAffiliations = allowedAffiliations == null ? List.of() : List.copyOf(allowedAffiliations);
		}
	}
}
