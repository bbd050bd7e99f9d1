package org.onecampus.hall.internal.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onecampus.hall.internal.catalogue.CatalogueQueries.View;
import org.onecampus.hall.internal.catalogue.ServiceViews.Cards;
import org.onecampus.hall.internal.catalogue.ServiceViews.Category;
import org.onecampus.hall.internal.catalogue.ServiceViews.ServiceDetail;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** The catalogue as a signed-in person sees it: only what they may use. */
@RestController
@RequestMapping("/api/v1/hall")
class CatalogueController {

	private final CatalogueQueries queries;

	private final AcademicCalendar calendar;

	private final AuditLog audit;

	CatalogueController(CatalogueQueries queries, AcademicCalendar calendar, AuditLog audit) {
		this.queries = queries;
		this.calendar = calendar;
		this.audit = audit;
	}

	@GetMapping("/services")
	@PreAuthorize("isAuthenticated()")
	Cards services(@AuthenticationPrincipal CampusUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String category, @RequestParam(required = false) String view,
			@Valid PageQuery paging) {
		CatalogueQueries.checkQuery(q);
		return queries.list(user.personId(), q, category, view(view), paging.pageOrDefault(), paging.sizeOrDefault(),
				calendar.today());
	}

	@GetMapping("/services/{code}")
	@PreAuthorize("isAuthenticated()")
	ServiceDetail service(@AuthenticationPrincipal CampusUser user, @PathVariable String code) {
		return queries.detail(user.personId(), code);
	}

	@PutMapping("/services/{code}/favourite")
	@PreAuthorize("isAuthenticated()")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addFavourite(@AuthenticationPrincipal CampusUser user, @PathVariable String code) {
		if (queries.favourite(user.personId(), code, true)) {
			audit.record("hall.favourite.added", "service:" + code, Map.of());
		}
	}

	@DeleteMapping("/services/{code}/favourite")
	@PreAuthorize("isAuthenticated()")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeFavourite(@AuthenticationPrincipal CampusUser user, @PathVariable String code) {
		if (queries.favourite(user.personId(), code, false)) {
			audit.record("hall.favourite.removed", "service:" + code, Map.of());
		}
	}

	@GetMapping("/categories")
	@PreAuthorize("isAuthenticated()")
	List<Category> categories(@AuthenticationPrincipal CampusUser user) {
		return queries.categories(queries.usableBy(user.personId()));
	}

	static View view(String view) {
		if (view == null || view.isBlank()) {
			return View.ALL;
		}
		try {
			return View.valueOf(view.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw PlatformException.invalid(List.of(new FieldProblem("view", "hall.catalogue.view-unknown", view)));
		}
	}
}
