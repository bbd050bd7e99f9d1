package org.onecampus.kernel.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page application for its own routes (such as {@code /login} or
 * {@code /profile}) so that a reload or a deep link works. API, documentation and actuator paths
 * are excluded: an unknown one there is a 404 problem, not the app.
 */
@Controller
class SpaController {

	@GetMapping({ "/", "/{first:(?!api$|v3$|actuator$|swagger-ui$|assets$|error$)[^.]*}",
			"/{first:(?!api$|v3$|actuator$|swagger-ui$|assets$|error$)[^.]*}/{*rest}" })
	String app() {
		return "forward:/index.html";
	}
}
