package org.onecampus.hall.internal.catalogue;

import java.util.List;

import org.onecampus.hall.internal.catalogue.ServiceViews.Cards;
import org.onecampus.hall.internal.catalogue.ServiceViews.Category;
import org.onecampus.hall.internal.catalogue.ServiceViews.ServiceDetail;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Guides of the items marked public, for anyone without signing in (applying needs signing in). */
@RestController
@RequestMapping("/api/v1/hall/public")
class PublicCatalogueController {

	private final CatalogueQueries queries;

	PublicCatalogueController(CatalogueQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/services")
	@PublicEndpoint
	Cards services(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@Valid PageQuery paging) {
		CatalogueQueries.checkQuery(q);
		return queries.publicList(q, category, paging.pageOrDefault(), paging.sizeOrDefault());
	}

	@GetMapping("/services/{code}")
	@PublicEndpoint
	ServiceDetail service(@PathVariable String code) {
		return queries.publicDetail(code);
	}

	@GetMapping("/categories")
	@PublicEndpoint
	List<Category> categories() {
		return queries.categories(queries.publicItems());
	}
}
