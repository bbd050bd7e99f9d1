package org.onecampus.kernel.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Completed event publications go after the retention; recent and unfinished ones stay. */
@IntegrationTest
class CompletedEventsPurgeIntegrationTests {

	@Autowired
	CompletedEventsPurge purge;

	@Autowired
	JdbcClient jdbc;

	UUID publication(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date,
				  status, completion_attempts)
				values (?, 'test.listener', 'org.onecampus.Test', ?, ?, ?, ?, 1)""")
			.params(id, "{\"id\":\"" + id + "\"}", java.sql.Timestamp.from(published),
					completed == null ? null : java.sql.Timestamp.from(completed), completed == null ? "PROCESSING" : "COMPLETED")
			.update();
		return id;
	}

	boolean exists(UUID id) {
		return jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() == 1;
	}

	@Test
	void deletesOnlyPublicationsCompletedBeforeTheRetention() {
		Instant now = Instant.now();
		UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
		UUID unfinished = publication(now.minus(Duration.ofDays(30)), null);

		purge.purge();

		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(unfinished)).isTrue();
		jdbc.sql("delete from event_publication where id in (?, ?)").params(recent, unfinished).update();
	}
}
