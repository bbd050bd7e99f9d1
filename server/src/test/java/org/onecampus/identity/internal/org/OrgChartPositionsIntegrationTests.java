package org.onecampus.identity.internal.org;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.OrgChart;
import org.onecampus.identity.OrgChart.ApproverRule;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The approver rules workflow added: class advisor, unit head and a position at a named unit. */
@IntegrationTest
class OrgChartPositionsIntegrationTests {

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theClassAdvisorIsTheAdvisorPositionOfTheApplicantsClass() {
		UUID stu = person("stu001");
		var expected = jdbc.sql("""
				select p.person_id from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id and o.type = 'CLASS'
				join identity_position p on p.org_unit_id = o.id and p.kind = 'CLASS_ADVISOR'
				where a.person_id = :s and a.status = 'ACTIVE' and (p.end_date is null or p.end_date >= current_date)""")
			.param("s", stu).query(UUID.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(orgChart.resolve(stu, ApproverRule.parse("class-advisor"))).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aPositionAtANamedUnitNamesItsHolders() {
		UUID head = person("head001");
		UUID college = jdbc.sql("select org_unit_id from identity_position where person_id = :p and kind = 'HEAD' limit 1")
			.param("p", head).query(UUID.class).single();
		assertThat(orgChart.resolve(person("stu001"), ApproverRule.parse("head@" + college))).containsExactly(head);
	}

	@Test
	void theUnitHeadIsTheHeadOfTheApplicantsPrimaryUnit() {
		UUID fac = person("fac001");
		var expected = jdbc.sql("""
				select distinct p.person_id from identity_position p
				where p.kind = 'HEAD' and p.person_id <> :f and (p.end_date is null or p.end_date >= current_date)
				  and p.org_unit_id = (select org_unit_id from identity_affiliation where person_id = :f and status = 'ACTIVE'
				                       order by is_primary desc, start_date limit 1)""")
			.param("f", fac).query(UUID.class).list();
		assertThat(orgChart.resolve(fac, ApproverRule.parse("unit-head"))).containsExactlyInAnyOrderElementsOf(expected);
	}

	UUID person(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username).query(UUID.class).single();
	}
}
