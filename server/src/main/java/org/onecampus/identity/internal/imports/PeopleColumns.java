package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of a people import, with the header row in Chinese and in English. */
enum PeopleColumns implements Column {

	NAME("姓名"), NAME_EN("英文名"), GENDER("性别"), PHONE("手机"),
	EMAIL("邮箱"), ID_CARD("身份证号"), AFFILIATION_TYPE("身份类型"),
	IDENTIFIER("学号/工号"), ORG_UNIT_CODE("单位代码"), START_DATE("开始日期"),
	END_DATE("结束日期");

	private final String chinese;

	PeopleColumns(String chinese) {
		this.chinese = chinese;
	}

	@Override
	public String chinese() {
		return chinese;
	}

	/** An example row for the template. */
	static List<String> example() {
		return List.of("张三", "Zhang San", "M", "13800000000", "zhangsan@example.edu.cn", "", "UNDERGRADUATE",
				"2026000001", "CS", "2026-09-01", "");
	}
}
