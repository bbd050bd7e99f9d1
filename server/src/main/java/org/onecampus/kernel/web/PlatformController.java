package org.onecampus.kernel.web;

import org.onecampus.kernel.OneCampusProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/platform}: the product and the university, for the login page and the header. */
@RestController
class PlatformController {

	private final PlatformView view;

	PlatformController(OneCampusProperties properties, ObjectProvider<BuildProperties> build) {
		BuildProperties info = build.getIfAvailable();
		this.view = new PlatformView("OneCampus · 一网通办",
				new University(properties.university().name(), properties.university().nameEn()),
				info == null ? "dev" : info.getVersion());
	}

	@GetMapping("/api/v1/platform")
	@PublicEndpoint
	PlatformView platform() {
		return view;
	}

	record PlatformView(String productName, University university, String version) {
	}

	record University(String name, String nameEn) {
	}
}
