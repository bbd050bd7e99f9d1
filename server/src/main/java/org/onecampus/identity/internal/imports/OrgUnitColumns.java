package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of an org unit import. */
enum OrgUnitColumns implements Column {

	CODE("code", "单位代码"), NAME("name", "名称"), NAME_EN("nameEn", "英文名称"), TYPE("type", "类型"),
	PARENT_CODE("parentCode", "上级单位代码"), VALID_FROM("validFrom", "生效日期"), VALID_TO("validTo", "撤销日期"),
	SORT_ORDER("sortOrder", "排序");

	private final String key;

	private final String chinese;

	OrgUnitColumns(String key, String chinese) {
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
		return List.of("CS-RG-NLP", "自然语言处理课题组", "Natural Language Processing Group", "RESEARCH_GROUP", "CS",
				"2026-09-01", "", "10");
	}
}
