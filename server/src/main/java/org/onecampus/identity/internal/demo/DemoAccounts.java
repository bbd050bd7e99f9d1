package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.List;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationStatus;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationType;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;

/**
 * The nine fixed demo accounts, one for each kind of user a demo walks through. They are the first
 * people of every demo university; the population fills their positions (head001 heads 计算机学院,
 * cou001 is the counsellor of stu001's class, fac001 advises that class and supervises grad001,
 * intl001, it001 and admin are office staff; intl001 designs forms and processes).
 */
record DemoAccounts(Person admin, Person student, Person postgraduate, Person faculty, Person counsellor,
		Person head, Person international, Person it, Person visitor, OrgUnit studentClass, int studentGrade) {

	/** The usernames, in the order the accounts are created. */
	static final List<String> USERNAMES = List.of("admin", "stu001", "grad001", "fac001", "cou001", "head001",
			"intl001", "it001", "visitor001");

	static final String COLLEGE = "CS";

	static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

	static final String SECURITY_OFFICER = "SECURITY_OFFICER";

	/** Sees the whole service hall's statistics (the IT centre runs the hall). */
	static final String SERVICE_ADMIN = "SERVICE_ADMIN";

	/** Designs the international office's forms and processes (created by the workflow migrations). */
	static final String PROCESS_DESIGNER = "PROCESS_DESIGNER";

	static DemoAccounts create(DemoRoster roster, DemoOrgTree tree, DemoIdentifiers identifiers) {
		College cs = DemoOrgCatalogue.college(COLLEGE);
		OrgUnit college = tree.unit(COLLEGE);
		OrgUnit itc = tree.unit("ITC");
		LocalDate today = roster.today();
		int grade = tree.grades().get(2);
		int postgraduateEntry = tree.newestGrade() - 1;
		OrgUnit studentClass = tree.unit("CS-CST-" + grade + "-1");

		Person admin = roster.enrol("admin", "王建国", "Wang Jianguo", "M", roster.bornAged(40, 45), List.of(PLATFORM_ADMIN));
		roster.affiliate(admin, AffiliationType.STAFF, identifiers.staff(), itc, roster.joined(admin.birthDate(), 25));

		Person student = roster.enrol("stu001", "李明轩", "Li Mingxuan", "M", roster.bornIn(grade - 18), List.of());
		roster.affiliate(student, AffiliationType.UNDERGRADUATE, identifiers.undergraduate(grade, cs), studentClass,
				LocalDate.of(grade, 9, 1));

		Person postgraduate = roster.enrol("grad001", "陈思雨", "Chen Siyu", "F", roster.bornIn(postgraduateEntry - 22),
				List.of());
		roster.affiliate(postgraduate, AffiliationType.POSTGRADUATE, identifiers.postgraduate(postgraduateEntry, cs),
				college, LocalDate.of(postgraduateEntry, 9, 1));

		Person faculty = roster.enrol("fac001", "张晓燕", "Zhang Xiaoyan", "F", roster.bornAged(36, 40), List.of());
		roster.affiliate(faculty, AffiliationType.FACULTY, identifiers.faculty(), college,
				roster.joined(faculty.birthDate(), 30));

		Person counsellor = roster.enrol("cou001", "刘婷", "Liu Ting", "F", roster.bornAged(28, 32), List.of());
		roster.affiliate(counsellor, AffiliationType.STAFF, identifiers.staff(), college,
				roster.joined(counsellor.birthDate(), 25));

		Person head = roster.enrol("head001", "赵志强", "Zhao Zhiqiang", "M", roster.bornAged(50, 54), List.of());
		roster.affiliate(head, AffiliationType.FACULTY, identifiers.faculty(), college, roster.joined(head.birthDate(), 30));

		Person international = roster.enrol("intl001", "周雨涵", "Zhou Yuhan", "F", roster.bornAged(27, 31),
				List.of(PROCESS_DESIGNER));
		roster.affiliate(international, AffiliationType.STAFF, identifiers.staff(), tree.unit("INTL"),
				roster.joined(international.birthDate(), 24));

		Person it = roster.enrol("it001", "孙浩然", "Sun Haoran", "M", roster.bornAged(31, 35), List.of(SECURITY_OFFICER, SERVICE_ADMIN));
		roster.affiliate(it, AffiliationType.STAFF, identifiers.staff(), itc, roster.joined(it.birthDate(), 24));

		Person visitor = roster.enrol("visitor001", "吴天宇", "Wu Tianyu", "M", roster.bornAged(33, 37), List.of());
		roster.affiliate(visitor, AffiliationType.VISITOR, null, tree.unit("SEC"), AffiliationStatus.ACTIVE, today,
				today.plusDays(7), true);

		return new DemoAccounts(admin, student, postgraduate, faculty, counsellor, head, international, it, visitor,
				studentClass, grade);
	}
}
