package org.onecampus.identity.internal.demo;

import java.util.List;

/**
 * What 示例大学 consists of: its campuses, colleges with their majors and research groups, and its
 * offices (named as in the 一网通办 material the project started from).
 */
final class DemoOrgCatalogue {

	static final String MAIN_CAMPUS = "MAIN";

	static final String EAST_CAMPUS = "EAST";

	static final List<Campus> campuses = List.of(new Campus(MAIN_CAMPUS, "主校区", "Main Campus"),
			new Campus(EAST_CAMPUS, "东校区", "East Campus"));

	static final List<College> colleges = List.of(
			college(1, "CS", "计算机学院", "School of Computer Science", MAIN_CAMPUS,
					List.of(major("CST", "计算机科学与技术", "Computer Science and Technology", 2),
							major("SE", "软件工程", "Software Engineering", 2), major("AI", "人工智能", "Artificial Intelligence", 1),
							major("IS", "信息安全", "Information Security", 1)),
					List.of(group("CS-RG-IS", "智能系统研究团队", "Intelligent Systems Group"),
							group("CS-RG-CYB", "网络空间安全研究团队", "Cyberspace Security Group"))),
			college(2, "MATH", "数学科学学院", "School of Mathematical Sciences", MAIN_CAMPUS,
					List.of(major("MA", "数学与应用数学", "Mathematics and Applied Mathematics", 1),
							major("STAT", "统计学", "Statistics", 1), major("ICS", "信息与计算科学", "Information and Computing Science", 1)),
					List.of()),
			college(3, "PHYS", "物理学院", "School of Physics", MAIN_CAMPUS,
					List.of(major("PHY", "物理学", "Physics", 1), major("APH", "应用物理学", "Applied Physics", 1)),
					List.of(group("PHYS-RG-QM", "量子材料研究组", "Quantum Materials Group"))),
			college(4, "CHEM", "化学学院", "College of Chemistry", MAIN_CAMPUS,
					List.of(major("CHEM", "化学", "Chemistry", 1), major("ACH", "应用化学", "Applied Chemistry", 1)),
					List.of(group("CHEM-RG-CAT", "催化化学研究组", "Catalysis Group"))),
			college(5, "LIFE", "生命科学学院", "School of Life Sciences", EAST_CAMPUS,
					List.of(major("BIO", "生物科学", "Biological Sciences", 1), major("BTE", "生物技术", "Biotechnology", 1),
							major("BIF", "生物信息学", "Bioinformatics", 1)),
					List.of(group("LIFE-RG-NEU", "神经生物学研究组", "Neurobiology Group"))),
			college(6, "SEM", "经济管理学院", "School of Economics and Management", MAIN_CAMPUS,
					List.of(major("ECON", "经济学", "Economics", 1), major("FIN", "金融学", "Finance", 1),
							major("ACC", "会计学", "Accounting", 1), major("BA", "工商管理", "Business Administration", 1)),
					List.of()),
			college(7, "SFL", "外国语学院", "School of Foreign Languages", MAIN_CAMPUS,
					List.of(major("ENG", "英语", "English", 1), major("JPN", "日语", "Japanese", 1), major("FRE", "法语", "French", 1)),
					List.of()),
			college(8, "LAW", "法学院", "Law School", MAIN_CAMPUS,
					List.of(major("LAW", "法学", "Law", 1), major("IP", "知识产权", "Intellectual Property", 1)), List.of()),
			college(9, "MARX", "马克思主义学院", "School of Marxism", MAIN_CAMPUS,
					List.of(major("IPE", "思想政治教育", "Ideological and Political Education", 1),
							major("SCS", "科学社会主义", "Scientific Socialism", 1)),
					List.of()),
			college(10, "ME", "机械工程学院", "School of Mechanical Engineering", EAST_CAMPUS,
					List.of(major("MDM", "机械设计制造及其自动化", "Mechanical Design, Manufacturing and Automation", 1),
							major("VE", "车辆工程", "Vehicle Engineering", 1), major("RE", "机器人工程", "Robotics Engineering", 1)),
					List.of()),
			college(11, "EE", "电子信息学院", "School of Electronic Information", EAST_CAMPUS,
					List.of(major("EIE", "电子信息工程", "Electronic Information Engineering", 1),
							major("COMM", "通信工程", "Communication Engineering", 1),
							major("MNE", "微电子科学与工程", "Microelectronics Science and Engineering", 1),
							major("AUTO", "自动化", "Automation", 1)),
					List.of(group("EE-RG-CHIP", "集成电路设计研究组", "Integrated Circuit Design Group"))),
			college(12, "MSE", "材料学院", "School of Materials Science and Engineering", EAST_CAMPUS,
					List.of(major("MSE", "材料科学与工程", "Materials Science and Engineering", 1),
							major("PME", "高分子材料与工程", "Polymer Materials and Engineering", 1)),
					List.of()),
			college(13, "ARCH", "建筑学院", "School of Architecture", MAIN_CAMPUS,
					List.of(major("ARCH", "建筑学", "Architecture", 1), major("UP", "城乡规划", "Urban and Rural Planning", 1),
							major("LA", "风景园林", "Landscape Architecture", 1)),
					List.of()),
			college(14, "LIT", "文学院", "School of Chinese Language and Literature", MAIN_CAMPUS,
					List.of(major("CLL", "汉语言文学", "Chinese Language and Literature", 1), major("HIS", "历史学", "History", 1)),
					List.of()),
			college(15, "SJC", "新闻传播学院", "School of Journalism and Communication", MAIN_CAMPUS,
					List.of(major("JOUR", "新闻学", "Journalism", 1), major("ADV", "广告学", "Advertising", 1),
							major("NM", "网络与新媒体", "Network and New Media", 1)),
					List.of()),
			college(16, "MED", "医学院", "School of Medicine", EAST_CAMPUS,
					List.of(major("CM", "临床医学", "Clinical Medicine", 1), major("NUR", "护理学", "Nursing", 1),
							major("PM", "预防医学", "Preventive Medicine", 1)),
					List.of(group("MED-RG-ONC", "肿瘤免疫研究组", "Tumour Immunology Group"))),
			college(17, "ART", "艺术学院", "School of Arts", MAIN_CAMPUS,
					List.of(major("MUS", "音乐学", "Musicology", 1), major("FA", "美术学", "Fine Arts", 1),
							major("VCD", "视觉传达设计", "Visual Communication Design", 1)),
					List.of()),
			college(18, "ENV", "环境学院", "School of Environment", EAST_CAMPUS,
					List.of(major("ENVE", "环境工程", "Environmental Engineering", 1),
							major("ENVS", "环境科学", "Environmental Science", 1)),
					List.of()),
			college(19, "SPA", "公共管理学院", "School of Public Administration", MAIN_CAMPUS,
					List.of(major("PA", "行政管理", "Public Administration", 1),
							major("LRM", "土地资源管理", "Land Resource Management", 1), major("SW", "社会工作", "Social Work", 1)),
					List.of()),
			college(20, "PE", "体育部", "Department of Physical Education", MAIN_CAMPUS,
					List.of(major("PE", "体育教育", "Physical Education", 1),
							major("SSG", "社会体育指导与管理", "Social Sports Guidance and Management", 1)),
					List.of()));

	/** Offices; the weight says roughly how many staff each has compared with the others. */
	static final List<Office> offices = List.of(office("PRES", "党政办公室", "Party and President's Office", 12),
			office("HR", "人事处", "Human Resources Department", 12), office("GS", "研究生院", "Graduate School", 12),
			office("SAM", "国资处", "State-owned Assets Management Office", 6),
			office("AA", "教务处", "Office of Academic Affairs", 16),
			office("RES", "科研院", "Office of Research Administration", 12),
			office("SA", "学工处", "Student Affairs Office", 12),
			office("INTL", "国际合作部", "Office of International Cooperation", 10),
			office("FIN", "财务处", "Finance Office", 16), office("PROC", "采购办", "Procurement Office", 6),
			office("HOSP", "校医院", "University Hospital", 14), office("ADM", "招办", "Admissions Office", 6),
			office("ITC", "信息中心", "Information Technology Center", 16),
			office("YL", "团委", "Communist Youth League Committee", 6),
			office("LOG", "后勤部", "Logistics Department", 14), office("CAR", "就业办", "Career Services Office", 6),
			office("SEC", "保卫处", "Security Department", 10),
			office("LAB", "资产与实验室管理处", "Office of Assets and Laboratory Management", 8),
			office("ARC", "档案馆", "University Archives", 5), office("LIB", "图书馆", "University Library", 12),
			office("UNION", "工会", "Trade Union", 4), office("RET", "离退休处", "Office of Retired Staff", 4),
			office("ALUM", "校友会", "Alumni Association", 4),
			office("PLAN", "发展规划处", "Office of Development and Planning", 5),
			office("AUD", "审计处", "Audit Office", 5));

	/**
	 * Offices added after the first demo universities went out: listed after the others in the org tree and staffed
	 * after everyone else ({@link DemoEmployees#staffLaterOffices}), so that the people of an earlier demo university
	 * keep their ids, 工号, names and positions; the weight says how many staff they have as for {@link #offices}.
	 */
	static final List<Office> laterOffices = List.of(office("PARTY", "党委办公室", "Party Committee Office", 5),
			office("SECRECY", "保密办公室", "Secrecy Office", 3));

	private DemoOrgCatalogue() {
	}

	/** @return the offices, then the later offices: every office of the org tree */
	static List<Office> allOffices() {
		return java.util.stream.Stream.concat(offices.stream(), laterOffices.stream()).toList();
	}

	static College college(String code) {
		return colleges.stream().filter(college -> college.code().equals(code)).findFirst().orElseThrow();
	}

	private static College college(int number, String code, String name, String nameEn, String campus,
			List<Major> majors, List<ResearchGroup> groups) {
		return new College(number, code, name, nameEn, campus, majors, groups);
	}

	private static Major major(String code, String name, String nameEn, int classesPerGrade) {
		return new Major(code, name, nameEn, classesPerGrade);
	}

	private static ResearchGroup group(String code, String name, String nameEn) {
		return new ResearchGroup(code, name, nameEn);
	}

	private static Office office(String code, String name, String nameEn, int weight) {
		return new Office(code, name, nameEn, weight);
	}

	record Campus(String code, String name, String nameEn) {
	}

	/** {@code number} is the two digits that 学号 carry for the college. */
	record College(int number, String code, String name, String nameEn, String campus, List<Major> majors,
			List<ResearchGroup> groups) {
	}

	/** {@code code} is unique within its college; the org unit code is {@code <college>-<major>}. */
	record Major(String code, String name, String nameEn, int classesPerGrade) {
	}

	record ResearchGroup(String code, String name, String nameEn) {
	}

	record Office(String code, String name, String nameEn, int weight) {
	}
}
