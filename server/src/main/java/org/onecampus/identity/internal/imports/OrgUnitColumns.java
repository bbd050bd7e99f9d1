package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of an org unit import. */
enum OrgUnitColumns implements Column {

	CODE("单位代码"), NAME("名称"), NAME_EN("英文名称"), TYPE("类型"),
	PARENT_CODE("上级单位代码"), VALID_FROM("生效日期"), VALID_TO("撤销日期"),
	SORT_ORDER("排序");

	private final String chinese;

	OrgUnitColumns(String chinese) {
		this.chinese = chinese;
	}

	@Override
	public String chinese() {
		return chinese;
	}

	static List<String> example() {
		return List.of("CS-RG-NLP", "自然语言处理课题组", "Natural Language Processing Group", "RESEARCH_GROUP", "CS",
				"2026-09-01", "", "10");
	}
}
