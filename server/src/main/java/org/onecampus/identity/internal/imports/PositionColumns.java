package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of a position import: who holds which position in which org unit, and when. */
enum PositionColumns implements Column {

	IDENTIFIER("identifier", "学号/工号"), ORG_UNIT_CODE("orgUnitCode", "单位代码"), KIND("kind", "职务"),
	SUBJECT_IDENTIFIER("subjectIdentifier", "指导学生学号"), START_DATE("startDate", "开始日期"),
	END_DATE("endDate", "结束日期");

	private final String key;

	private final String chinese;

	PositionColumns(String key, String chinese) {
		this.key = key;
		this.chinese = chinese;
	}

	@Override
	public String key() {
		return key;
	}

	@Override
	public String chinese() {
		return chinese;
	}

	static List<String> example() {
		return List.of("2026000001", "CS-RG-NLP", "OFFICE_STAFF", "", "2026-09-01", "");
	}
}
