package org.onecampus.identity.internal.imports;

import java.util.List;

/** The columns of a people import, with the header row in Chinese and in English. */
enum PeopleColumns implements Column {

	NAME("name", "姓名"), NAME_EN("nameEn", "英文名"), GENDER("gender", "性别"), PHONE("phone", "手机"),
	EMAIL("email", "邮箱"), ID_CARD("idCard", "身份证号"), AFFILIATION_TYPE("affiliationType", "身份类型"),
	IDENTIFIER("identifier", "学号/工号"), ORG_UNIT_CODE("orgUnitCode", "单位代码"), START_DATE("startDate", "开始日期"),
	END_DATE("endDate", "结束日期");

	final String key;

	final String chinese;

	PeopleColumns(String key, String chinese) {
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

	/** An example row for the template. */
	static List<String> example() {
		return List.of("张三", "Zhang San", "M", "13800000000", "zhangsan@example.edu.cn", "", "UNDERGRADUATE",
				"2026000001", "CS", "2026-09-01", "");
	}
}
