package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of a position import: who holds which position in which org unit, and when. */
enum PositionColumns implements Column {

	IDENTIFIER("学号/工号"), ORG_UNIT_CODE("单位代码"), KIND("职务"),
	SUBJECT_IDENTIFIER("指导学生学号"), START_DATE("开始日期"),
	END_DATE("结束日期");

	private final String chinese;

	PositionColumns(String chinese) {
		this.chinese = chinese;
	}

	@Override
	public String chinese() {
		return chinese;
	}

	static List<String> example() {
		return List.of("2026000001", "CS-RG-NLP", "OFFICE_STAFF", "", "2026-09-01", "");
	}
}
