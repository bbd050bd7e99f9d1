package org.onecampus.identity.internal.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds people by name (contains), username, 学号/工号, phone, e-mail or 身份证 (exact, through its
 * digest), affiliation type and org unit (with its sub-units), within an administrator's scope.
 */
@Component
class PeopleSearch {

	private final JdbcClient jdbc;

	private final IdCards idCards;

	PeopleSearch(JdbcClient jdbc, IdCards idCards) {
		this.jdbc = jdbc;
		this.idCards = idCards;
	}

	Page<PersonSummary> search(Criteria criteria, PageQuery paging, Scope scope) {
		StringBuilder where = new StringBuilder(scope.personCondition("p.id"));
		Map<String, Object> params = new LinkedHashMap<>();
		if (criteria.q() != null && !criteria.q().isBlank()) {
			String q = criteria.q().trim();
			where.append(" and (").append("""
					p.name ilike :like or lower(p.name_en) like lower(:like) or lower(acc.username) = lower(:q)
					   or p.phone = :q or lower(p.email) = lower(:q)
					   or exists (select 1 from identity_affiliation qa where qa.person_id = p.id and lower(qa.identifier) = lower(:q))""");
			params.put("q", q);
			params.put("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			if (IdCards.looksLikeOne(q)) {
				where.append(" or p.id_card_digest = :digest");
				params.put("digest", idCards.digest(q));
			}
			where.append(')');
		}
		if (criteria.idCard() != null && !criteria.idCard().isBlank()) {
			where.append(" and p.id_card_digest = :idCardDigest");
			params.put("idCardDigest", idCards.digest(criteria.idCard()));
		}
		if (criteria.affiliationType() != null) {
			where.append(" and exists (select 1 from identity_affiliation ta where ta.person_id = p.id and ta.type = :type)");
			params.put("type", criteria.affiliationType());
		}
		String with = "";
		if (criteria.orgUnitId() != null) {
			with = """
					with recursive unit_tree(id) as (
					  select cast(:orgUnit as uuid) union select o.id from identity_org_unit o join unit_tree t on o.parent_id = t.id)
					""";
			where.append(" and exists (select 1 from identity_affiliation oa where oa.person_id = p.id and oa.org_unit_id in (select id from unit_tree))");
			params.put("orgUnit", criteria.orgUnitId());
		}
		String from = " from identity_person p left join identity_account acc on acc.person_id = p.id where " + where;
		long total = scope.bind(jdbc.sql(with + "select count(*)" + from).params(params)).query(Long.class).single();
		List<PersonSummary> items = scope.bind(jdbc.sql(with + """
				select p.id, p.name, p.name_en, p.phone, p.email, p.id_card_masked, acc.username, acc.enabled,
				  (select a.identifier from identity_affiliation a where a.person_id = p.id
				     order by a.is_primary desc, a.status = 'ACTIVE' desc, a.start_date desc limit 1) as identifier,
				  (select string_agg(distinct a.type, ',') from identity_affiliation a
				     where a.person_id = p.id and a.status = 'ACTIVE') as types,
				  (select o.name from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				     where a.person_id = p.id order by a.is_primary desc, a.status = 'ACTIVE' desc, a.start_date desc limit 1) as unit_name,
				  (select o.name_en from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				     where a.person_id = p.id order by a.is_primary desc, a.status = 'ACTIVE' desc, a.start_date desc limit 1) as unit_name_en
				""" + from + " order by p.name, p.id limit :limit offset :offset").params(params)
			.param("limit", paging.sizeOrDefault()).param("offset", paging.offset()))
			.query((rs, n) -> new PersonSummary(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("name_en"), rs.getString("username"), (Boolean) rs.getObject("enabled"),
					rs.getString("identifier"), types(rs.getString("types")), rs.getString("unit_name"),
					rs.getString("unit_name_en"), rs.getString("phone"), rs.getString("email"),
					rs.getString("id_card_masked")))
			.list();
		return new Page<>(items, paging.pageOrDefault(), paging.sizeOrDefault(), total);
	}

	private static List<String> types(String joined) {
		return joined == null ? List.of() : new ArrayList<>(List.of(joined.split(",")));
	}

	/**
	 * @param q name, username, 学号/工号, phone, e-mail or 身份证; may be null
	 * @param idCard 身份证 (exact); may be null
	 * @param affiliationType may be null
	 * @param orgUnitId includes its sub-units; may be null
	 */
	record Criteria(String q, String idCard, String affiliationType, UUID orgUnitId) {
	}

	/** One row of the people list; {@code username} and {@code enabled} are null without an account. */
	record PersonSummary(UUID id, String name, String nameEn, String username, Boolean enabled, String identifier,
			List<String> activeAffiliationTypes, String orgUnitName, String orgUnitNameEn, String phone, String email,
			String idCardMasked) {
	}
}
