package org.onecampus.hall.internal.catalogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored search documents ({@code hall_service_search}). Saving an item through the administration stores its
 * document; items written by other means (templates) get theirs on the first search that meets them stale.
 */
@Repository
class SearchDocuments {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SearchDocuments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void save(ServiceItem item) {
		jdbc.sql("""
				insert into hall_service_search (service_code, revision, document) values (:code, :revision, cast(:doc as jsonb))
				on conflict (service_code) do update set revision = excluded.revision, document = excluded.document""")
			.param("code", item.code()).param("revision", item.revision())
			.param("doc", json.writeValueAsString(SearchDocument.of(item))).update();
	}

	/** @return the documents of the items, computing and storing those that are missing or stale */
	Map<String, SearchDocument> of(Collection<ServiceItem> items) {
		record Stored(int revision, String document) {
		}
		Map<String, Stored> stored = new HashMap<>();
		jdbc.sql("select service_code, revision, document::text as document from hall_service_search")
			.query(rs -> {
				stored.put(rs.getString("service_code"), new Stored(rs.getInt("revision"), rs.getString("document")));
			});
		Map<String, SearchDocument> documents = new HashMap<>();
		for (ServiceItem item : items) {
			Stored row = stored.get(item.code());
			if (row != null && row.revision() == item.revision()) {
				documents.put(item.code(), json.readValue(row.document(), SearchDocument.class));
			}
			else {
				save(item);
				documents.put(item.code(), SearchDocument.of(item));
			}
		}
		return documents;
	}
}
