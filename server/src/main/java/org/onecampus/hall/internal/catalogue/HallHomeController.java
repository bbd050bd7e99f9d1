package org.onecampus.hall.internal.catalogue;

import org.onecampus.hall.internal.catalogue.CatalogueQueries.View;
import org.onecampus.hall.internal.catalogue.ServiceViews.Cards;
import org.onecampus.identity.CampusUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The services part of the portal home in one call: favourites, suggested, recently used and hot services. */
@RestController
class HallHomeController {

	static final int CARDS = 8;

	private final CatalogueQueries queries;

	private final AcademicCalendar calendar;

	HallHomeController(CatalogueQueries queries, AcademicCalendar calendar) {
		this.queries = queries;
		this.calendar = calendar;
	}

	/** Up to eight cards of each. */
	record HallHome(Cards favourites, Cards suggested, Cards recent, Cards hot) {
	}

	@GetMapping("/api/v1/hall/home")
	@PreAuthorize("isAuthenticated()")
	HallHome home(@AuthenticationPrincipal CampusUser user) {
		java.time.LocalDate today = calendar.today();
		CatalogueQueries.Reads reads = queries.reads(user.personId());
		return new HallHome(cards(user, reads, View.FAVOURITES, today), cards(user, reads, View.SUGGESTED, today),
				cards(user, reads, View.RECENT, today), cards(user, reads, View.HOT, today));
	}

	private Cards cards(CampusUser user, CatalogueQueries.Reads reads, View view, java.time.LocalDate today) {
		return queries.list(user.personId(), reads, null, null, view, 0, CARDS, today);
	}
}
