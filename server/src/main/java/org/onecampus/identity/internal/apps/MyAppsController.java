package org.onecampus.identity.internal.apps;

import java.util.List;

import org.onecampus.identity.CampusApps;
import org.onecampus.identity.CampusUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The apps the signed-in person may open, with where to open each signed in (the portal home). */
@RestController
class MyAppsController {

	private final CampusApps apps;

	MyAppsController(CampusApps apps) {
		this.apps = apps;
	}

	/** @param launchUrl the app's home opened through single sign-on */
	record MyApp(String code, String name, String nameEn, String protocol, String launchUrl) {
	}

	@GetMapping("/api/v1/identity/me/apps")
	@PreAuthorize("isAuthenticated()")
	List<MyApp> myApps(@AuthenticationPrincipal CampusUser user) {
		return apps.openableBy(user.personId()).stream()
			.map(app -> new MyApp(app.code(), app.name(), app.nameEn(), app.protocol(), apps.launchUrl(app, app.homeUrl())))
			.toList();
	}

}
