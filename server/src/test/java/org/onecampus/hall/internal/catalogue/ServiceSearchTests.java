package org.onecampus.hall.internal.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Search the way Chinese users type: words, full pinyin, initials, polyphones, typos, mixed zh/en. */
class ServiceSearchTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static ServiceItem item(String code, String zh, String en, String... keywords) {
		return new ServiceItem(code, Map.of("zh-CN", zh, "en-US", en), Map.of(), "it", java.util.UUID.randomUUID(),
				List.of(), json.readTree("{}"), false, ServiceItem.OFFLINE_GUIDE, null, null, null, json.readTree("{}"),
				json.readTree("[]"), json.readTree("{}"), null, json.readTree("[]"), List.of(keywords), List.of(),
				ServiceItem.PUBLISHED, false, 0, 0, null, null, null);
	}

	static final List<ServiceItem> ITEMS = List.of(item("study-certificate", "在读证明", "Certificate of enrolment", "在学证明"),
			item("employment-certificate", "在职证明", "Certificate of employment"),
			item("long-term-parking", "长期停车证办理", "Long-term parking permit", "停车"),
			item("bank-card-change", "银行卡信息变更", "Bank card change"),
			item("course-retake", "重修报名", "Course retake registration"),
			item("vpn-access", "校外访问 VPN", "Off-campus VPN access", "VPN", "校外访问"),
			item("travel-reimbursement", "差旅费报销", "Travel expense claims", "出差", "报销"),
			item("campus-card", "校园卡挂失与补办", "Campus card loss and replacement", "一卡通"));

	/** @return the codes that match, best first */
	static List<String> search(String query) {
		List<String> words = ServiceSearch.words(query);
		return ITEMS.stream().filter(item -> ServiceSearch.score(SearchDocument.of(item), words) > 0)
			.sorted(Comparator.comparing((ServiceItem item) -> -ServiceSearch.score(SearchDocument.of(item), words)))
			.map(ServiceItem::code).toList();
	}

	@Test
	void chineseWordsMatchNamesAndKeywords() {
		assertThat(search("在读")).containsExactly("study-certificate");
		assertThat(search("证明")).containsExactlyInAnyOrder("study-certificate", "employment-certificate");
		assertThat(search("一卡通")).containsExactly("campus-card");
	}

	@Test
	void fullPinyinInitialsAndMixedSpellings() {
		assertThat(search("zaidu").get(0)).isEqualTo("study-certificate");
		assertThat(search("zdzm")).containsExactly("study-certificate");
		// 在学证明 is another name for it: its keyword's pinyin counts too
		assertThat(search("zxzm")).containsExactly("study-certificate");
		assertThat(search("zaixuezhengming")).containsExactly("study-certificate");
		assertThat(search("zaizhizm")).containsExactly("employment-certificate");
		assertThat(search("zm")).contains("study-certificate", "employment-certificate");
	}

	@Test
	void everyReadingOfAPolyphoneCounts() {
		// 长 is chang (长期) and zhang; 行 is hang (银行) and xing; 重 is chong (重修) and zhong
		// 卡 also reads qia, so 银行卡 (yinhangqia) is within one typo of changqi, ranked far below
		assertThat(search("changqi").get(0)).isEqualTo("long-term-parking");
		assertThat(search("cqtcz")).containsExactly("long-term-parking");
		assertThat(search("yinhang")).containsExactly("bank-card-change");
		assertThat(search("yhk")).containsExactly("bank-card-change");
		assertThat(search("chongxiu")).containsExactly("course-retake");
		assertThat(search("cxbm")).containsExactly("course-retake");
	}

	@Test
	void smallTyposAreTolerated() {
		assertThat(search("zaixuezhenming")).containsExactly("study-certificate");
		assertThat(search("expnese")).containsExactly("travel-reimbursement");
		assertThat(search("在读证名")).containsExactly("study-certificate");
		assertThat(search("xyz")).isEmpty();
	}

	@Test
	void mixedChineseAndEnglishQueriesNeedEveryWord() {
		assertThat(ServiceSearch.words("vpn申请 校外")).containsExactly("vpn", "申请", "校外");
		assertThat(search("VPN 校外")).containsExactly("vpn-access");
		assertThat(search("vpn访问")).containsExactly("vpn-access");
		assertThat(search("certificate 在职")).containsExactly("employment-certificate");
		assertThat(search("parking permit")).containsExactly("long-term-parking");
	}

	@Test
	void theNameRanksAboveKeywords() {
		List<String> words = ServiceSearch.words("报销");
		double name = ServiceSearch.score(SearchDocument.of(ITEMS.get(6)), words);
		ServiceItem keywordOnly = item("medical", "医疗费用", "Medical costs", "报销");
		assertThat(name).isGreaterThan(ServiceSearch.score(SearchDocument.of(keywordOnly), words));
	}

	@Test
	void theAcademicCalendarDecidesTheCurrentTagsWithAFixedClock() {
		Clock june = Clock.fixed(LocalDate.of(2027, 6, 12).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
				ZoneId.of("Asia/Shanghai"));
		AcademicCalendar calendar = new AcademicCalendar(AcademicCalendar.DEFAULT_MOMENTS, june);
		LocalDate today = calendar.today();
		assertThat(today).isEqualTo(LocalDate.of(2027, 6, 12));
		Set<String> student = Set.of("UNDERGRADUATE");
		assertThat(calendar.currentTags(today, student, LocalDate.of(2027, 6, 30))).contains("graduation", "exams");
		assertThat(calendar.currentTags(today, student, LocalDate.of(2029, 6, 30))).doesNotContain("graduation");
		assertThat(calendar.currentTags(today, Set.of("FACULTY"), null)).containsExactly("exams");
		assertThat(calendar.currentTags(LocalDate.of(2027, 9, 3), student, LocalDate.of(2031, 6, 30)))
			.contains("enrolment", "term-start").doesNotContain("graduation");
		// a stretch across the new year
		assertThat(calendar.currentTags(LocalDate.of(2028, 1, 5), student, null)).containsExactly("exams");
		AcademicCalendar custom = new AcademicCalendar(
				List.of(new AcademicCalendar.Moment("enrolment", "03-01", "03-15", List.of("VISITOR"), false)), june);
		assertThat(custom.currentTags(LocalDate.of(2027, 3, 2), Set.of("VISITOR"), null)).containsExactly("enrolment");
		assertThat(custom.currentTags(LocalDate.of(2027, 3, 2), student, null)).isEmpty();
	}
}
