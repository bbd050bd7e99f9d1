package org.onecampus.hall.internal.catalogue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceViews.Audience;
import org.onecampus.hall.internal.catalogue.ServiceViews.Cards;
import org.onecampus.hall.internal.catalogue.ServiceViews.Category;
import org.onecampus.hall.internal.catalogue.ServiceViews.Form;
import org.onecampus.hall.internal.catalogue.ServiceViews.ServiceCard;
import org.onecampus.hall.internal.catalogue.ServiceViews.ServiceDetail;
import org.onecampus.hall.internal.catalogue.ServiceViews.Unit;
import org.onecampus.identity.CampusApps;
import org.onecampus.identity.Memberships;
import org.onecampus.identity.Memberships.Membership;
import org.onecampus.identity.OrgUnitNames;
import org.onecampus.identity.StudyPeriods;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.PublishedProcesses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the catalogue shows a person: only published items whose audience includes them, searched, ranked and
 * personalised (favourites, recently used, hot, suggested); and, for public browsing, the items marked public.
 */
@Service
public class CatalogueQueries {

	/** The views of {@code GET /api/v1/hall/services}. */
	enum View {
		ALL, FAVOURITES, RECENT, HOT, SUGGESTED
	}

	static final Duration HOT_WINDOW = Duration.ofDays(30);

	private final ServiceCatalogue catalogue;

	private final SearchDocuments documents;

	private final Favourites favourites;

	private final ServiceUsage usage;

	private final Memberships memberships;

	private final StudyPeriods studyPeriods;

	private final AcademicCalendar calendar;

	private final OrgUnitNames units;

	private final PublishedProcesses processes;

	private final Forms forms;

	private final CampusApps apps;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CatalogueQueries(ServiceCatalogue catalogue, SearchDocuments documents, Favourites favourites, ServiceUsage usage,
			Memberships memberships, StudyPeriods studyPeriods, AcademicCalendar calendar, OrgUnitNames units,
			PublishedProcesses processes, Forms forms, CampusApps apps, JdbcClient jdbc, JsonMapper json) {
		this.catalogue = catalogue;
		this.documents = documents;
		this.favourites = favourites;
		this.usage = usage;
		this.memberships = memberships;
		this.studyPeriods = studyPeriods;
		this.calendar = calendar;
		this.units = units;
		this.processes = processes;
		this.forms = forms;
		this.apps = apps;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @throws PlatformException 422 for a query longer than 100 characters */
	static void checkQuery(String query) {
		if (query != null && query.length() > 100) {
			throw PlatformException.invalid(List.of(new PlatformException.FieldProblem("q", "hall.catalogue.query-too-long", 100)));
		}
	}

	/** @return the published items the person may use, in catalogue order */
	List<ServiceItem> usableBy(UUID personId) {
		Membership membership = memberships.of(personId);
		return catalogue.published().stream().filter(item -> mayUse(membership, item)).toList();
	}

	static boolean mayUse(Membership membership, ServiceItem item) {
		return membership.in(item.audienceAffiliationTypes(), item.audienceRoles(), item.audienceOrgUnits());
	}

	/**
	 * @param query search words; blank: no search
	 * @param category a category code; null: every category
	 * @param today the day that decides the academic calendar's suggestions
	 */
	Cards list(UUID personId, String query, String category, View view, int page, int size, LocalDate today) {
		return list(personId, reads(personId), query, category, view, page, size, today);
	}

	/**
	 * What every list of one person starts from: the items they may use, their favourites and the uses of the last
	 * 30 days (an aggregation over every use in the window). Read once per request, also when one request shows
	 * several lists (the portal home shows four).
	 */
	record Reads(List<ServiceItem> usable, Set<String> favourite, Map<String, Long> uses) {
	}

	Reads reads(UUID personId) {
		return new Reads(usableBy(personId), favourites.of(personId),
				usage.usesSince(calendar.clock().instant().minus(HOT_WINDOW)));
	}

	/** @param reads {@link #reads(UUID)} of the person, taken within this request */
	Cards list(UUID personId, Reads reads, String query, String category, View view, int page, int size,
			LocalDate today) {
		List<ServiceItem> usable = reads.usable();
		Set<String> favourite = reads.favourite();
		Map<String, Long> uses = reads.uses();
		List<ServiceItem> selected = switch (view) {
			case ALL -> usable;
			case FAVOURITES -> ordered(usable, new ArrayList<>(favourite));
			case RECENT -> ordered(usable, usage.recent(personId, 50));
			case HOT -> usable.stream().filter(item -> uses.getOrDefault(item.code(), 0L) > 0)
				.sorted(Comparator.comparing((ServiceItem item) -> -uses.get(item.code())).thenComparing(ServiceItem::code))
				.toList();
			case SUGGESTED -> suggested(personId, usable, uses, today);
		};
		if (category != null && !category.isBlank()) {
			selected = selected.stream().filter(item -> item.categoryCode().equals(category)).toList();
		}
		selected = search(selected, query, uses);
		return page(selected, page, size, favourite, uses);
	}

	/** @return the items matching the query, most relevant first; all of them unchanged for a blank query */
	List<ServiceItem> search(List<ServiceItem> items, String query, Map<String, Long> uses) {
		List<String> words = ServiceSearch.words(query);
		if (words.isEmpty()) {
			return items;
		}
		Map<String, SearchDocument> docs = documents.of(items);
		Map<String, Double> scores = new HashMap<>();
		for (ServiceItem item : items) {
			double score = ServiceSearch.score(docs.get(item.code()), words);
			if (score > 0) {
				scores.put(item.code(), score + 8 * Math.log1p(uses.getOrDefault(item.code(), 0L)));
			}
		}
		return items.stream().filter(item -> scores.containsKey(item.code()))
			.sorted(Comparator.comparing((ServiceItem item) -> -scores.get(item.code())).thenComparing(ServiceItem::code))
			.toList();
	}

	/**
	 * Suggestions: items tagged for a moment of the academic calendar current for the person first (离校 in the
	 * graduation season for graduating students, 迎新 at enrolment), then items meant for the person's
	 * affiliation types, roles or units specifically; hot ones first within each.
	 */
	List<ServiceItem> suggested(UUID personId, List<ServiceItem> usable, Map<String, Long> uses, LocalDate today) {
		Membership membership = memberships.of(personId);
		LocalDate graduation = studyPeriods.expectedGraduation(personId).orElse(null);
		Set<String> tags = calendar.currentTags(today, membership.affiliationTypes(), graduation);
		Map<String, Integer> rank = new HashMap<>();
		for (ServiceItem item : usable) {
			int score = 0;
			if (item.calendarTags().stream().anyMatch(tags::contains)) {
				score += 2;
			}
			boolean targeted = !item.audienceAffiliationTypes().isEmpty() || !item.audienceRoles().isEmpty()
					|| !item.audienceOrgUnits().isEmpty();
			if (targeted) {
				score += 1;
			}
			if (score > 0) {
				rank.put(item.code(), score);
			}
		}
		return usable.stream().filter(item -> rank.containsKey(item.code()))
			.sorted(Comparator.comparing((ServiceItem item) -> -rank.get(item.code()))
				.thenComparing(item -> -uses.getOrDefault(item.code(), 0L)).thenComparing(ServiceItem::code))
			.toList();
	}

	/** @return the categories with the number of items the person may use in each */
	List<Category> categories(List<ServiceItem> items) {
		Map<String, Integer> counts = new HashMap<>();
		items.forEach(item -> counts.merge(item.categoryCode(), 1, Integer::sum));
		return jdbc.sql("select code, name::text as name, icon from hall_category order by sort_order, code")
			.query((rs, n) -> new Category(rs.getString("code"), texts(rs.getString("name")), rs.getString("icon"),
					counts.getOrDefault(rs.getString("code"), 0)))
			.list();
	}

	/** @throws PlatformException 404 when the item does not exist or the person may not use it */
	ServiceDetail detail(UUID personId, String code) {
		ServiceItem item = catalogue.find(code).filter(ServiceItem::published)
			.filter(found -> mayUse(memberships.of(personId), found))
			.orElseThrow(() -> PlatformException.notFound("service", code));
		Form form = null;
		Map<String, PrefilledValue> prefill = null;
		if (ServiceItem.ONLINE.equals(item.handling())) {
			PublishedProcesses.PublishedProcess process = processes.latest(item.processKey()).orElse(null);
			if (process != null && process.formKey() != null && process.formVersion() != null) {
				Forms.FormVersion version = forms.version(process.formKey(), process.formVersion());
				form = new Form(process.key(), version.key(), version.version(), version.schema(), version.layout());
				prefill = forms.prefill(version.key(), version.version(), personId);
			}
		}
		String linkUrl = null;
		if (ServiceItem.LINK.equals(item.handling()) && item.linkAppCode() != null) {
			linkUrl = apps.app(item.linkAppCode()).filter(app -> apps.allows(app, item.linkUrl()))
				.map(app -> apps.launchUrl(app, item.linkUrl())).orElse(null);
		}
		Map<String, Long> uses = usage.usesSince(calendar.clock().instant().minus(HOT_WINDOW));
		return detail(item, favourites.of(personId).contains(code), uses, form, prefill, linkUrl);
	}

	/** @throws PlatformException 404 unless the item is published and marked public */
	ServiceDetail publicDetail(String code) {
		ServiceItem item = catalogue.find(code).filter(ServiceItem::published).filter(ServiceItem::publicGuide)
			.orElseThrow(() -> PlatformException.notFound("service", code));
		return detail(item, false, Map.of(), null, null, null);
	}

	/** @return the published items marked public, searched */
	Cards publicList(String query, String category, int page, int size) {
		List<ServiceItem> items = catalogue.published().stream().filter(ServiceItem::publicGuide)
			.filter(item -> category == null || category.isBlank() || item.categoryCode().equals(category)).toList();
		return page(search(items, query, Map.of()), page, size, Set.of(), Map.of());
	}

	List<ServiceItem> publicItems() {
		return catalogue.published().stream().filter(ServiceItem::publicGuide).toList();
	}

	/** Makes the item a favourite of the person, or not. @throws PlatformException 404 for an unseen item */
	boolean favourite(UUID personId, String code, boolean favourite) {
		catalogue.find(code).filter(ServiceItem::published).filter(found -> mayUse(memberships.of(personId), found))
			.orElseThrow(() -> PlatformException.notFound("service", code));
		return favourite ? favourites.add(personId, code) : favourites.remove(personId, code);
	}

	Cards page(List<ServiceItem> items, int page, int size, Set<String> favourite, Map<String, Long> uses) {
		List<ServiceItem> slice = items.stream().skip((long) page * size).limit(size).toList();
		Map<UUID, OrgUnitNames.OrgUnitName> names = units.of(slice.stream().map(ServiceItem::ownerOrgUnitId).toList());
		List<ServiceCard> cards = slice.stream()
			.map(item -> card(item, names, favourite.contains(item.code()), uses.getOrDefault(item.code(), 0L))).toList();
		return new Cards(cards, page, size, items.size());
	}

	private ServiceDetail detail(ServiceItem item, boolean favourite, Map<String, Long> uses, Form form,
			Map<String, PrefilledValue> prefill, String linkUrl) {
		List<UUID> ids = new ArrayList<>(item.coOrgUnitIds());
		ids.add(item.ownerOrgUnitId());
		Map<UUID, OrgUnitNames.OrgUnitName> names = units.of(ids);
		ServiceCard card = card(item, names, favourite, uses.getOrDefault(item.code(), 0L));
		List<Unit> co = item.coOrgUnitIds().stream().filter(names::containsKey).map(id -> unit(names.get(id))).toList();
		Map<String, String> categoryName = jdbc.sql("select name::text from hall_category where code = :code")
			.param("code", item.categoryCode()).query(String.class).optional().map(this::texts).orElse(Map.of());
		return new ServiceDetail(card, categoryName, co, new Audience(item.audienceAffiliationTypes(), item.audienceRoles(),
				item.audienceOrgUnits()), item.guide(), item.materials(), item.fees(), item.faq(), item.keywords(), form,
				prefill, linkUrl);
	}

	private static ServiceCard card(ServiceItem item, Map<UUID, OrgUnitNames.OrgUnitName> names, boolean favourite,
			long uses) {
		OrgUnitNames.OrgUnitName owner = names.get(item.ownerOrgUnitId());
		return new ServiceCard(item.code(), item.name(), item.summary(), item.categoryCode(),
				owner == null ? new Unit(item.ownerOrgUnitId(), null, null) : unit(owner), item.handling(),
				item.promisedDays(), item.selfPrint(), favourite, item.publicGuide(), uses, item.calendarTags());
	}

	private static Unit unit(OrgUnitNames.OrgUnitName name) {
		return new Unit(name.id(), name.name(), name.nameEn());
	}

	private static List<ServiceItem> ordered(List<ServiceItem> usable, List<String> codes) {
		Map<String, ServiceItem> byCode = new LinkedHashMap<>();
		usable.forEach(item -> byCode.put(item.code(), item));
		return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
	}

	private Map<String, String> texts(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		json.readTree(text).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		return values;
	}

}
