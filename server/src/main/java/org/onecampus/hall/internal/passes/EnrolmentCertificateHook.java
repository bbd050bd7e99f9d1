package org.onecampus.hall.internal.passes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.kernel.OneCampusProperties;

import org.springframework.stereotype.Component;

/**
 * 在读证明 (self-print): on approval a certificate of enrolment is issued, valid for 90 days, and offered as
 * {@code certificate.pdf} (Chinese or English as asked) with a QR code of its signed token, which anyone can check
 * with {@code GET /api/v1/hall/passes/certificates/verification?token=}.
 */
@Component
class EnrolmentCertificateHook implements ServiceHook {

	static final String SERVICE = "enrolment-certificate";

	static final Duration VALIDITY = Duration.ofDays(90);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Credentials credentials;

	private final OneCampusProperties properties;

	EnrolmentCertificateHook(Credentials credentials, OneCampusProperties properties) {
		this.credentials = credentials;
		this.properties = properties;
	}

	@Override
	public boolean supports(ServiceItem item) {
		return SERVICE.equals(item.code());
	}

	@Override
	public void ended(ServiceItem item, UUID applicationId, UUID applicantId, String status, Map<String, Object> formData) {
		if ("APPROVED".equals(status)) {
			issue(applicationId, applicantId, formData);
		}
	}

	@Override
	public List<Result> results(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		Credentials.Credential certificate = issue(applicationId, applicantId, formData);
		byte[] pdf = pdf(certificate, formData);
		return List.of(new Result("certificate.pdf", Map.of("zh-CN", "在读证明（PDF）", "en-US", "Certificate of enrolment (PDF)"),
				"application/pdf", pdf));
	}

	private Credentials.Credential issue(UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		return credentials.find(applicationId).orElseGet(() -> {
			Instant now = Instant.now();
			return credentials.issue(Credentials.CERTIFICATE, applicationId, applicantId,
					text(formData, "studentName"), null, now, now.plus(VALIDITY));
		});
	}

	byte[] pdf(Credentials.Credential c, Map<String, Object> formData) {
		boolean english = "en".equals(formData.get("language"));
		LocalDate issued = c.issuedAt().atZone(ZONE).toLocalDate();
		LocalDate until = c.validTo().atZone(ZONE).toLocalDate();
		String name = text(formData, "studentName");
		String number = text(formData, "studentNumber");
		String college = text(formData, "college");
		String major = text(formData, "major");
		CertificatePdf pdf = new CertificatePdf();
		if (english) {
			DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
			pdf.centred(properties.university().nameEn(), 760, 20);
			pdf.centred("Certificate of Enrolment", 720, 18);
			int y = pdf.text("To whom it may concern:", 70, 660, 12, 455);
			y = pdf.text("This is to certify that " + name + " (student number " + number + ") is currently enrolled at "
					+ properties.university().nameEn() + ", " + college + (major.isBlank() ? "" : ", majoring in " + major)
					+ ".", 70, y - 10, 12, 455);
			pdf.text("Certificate number: " + c.id(), 70, y - 20, 10, 455);
			pdf.text("Issued on " + f.format(issued) + "; valid until " + f.format(until) + ".", 70, 250, 11, 330);
			pdf.text("Scan the QR code to verify this certificate.", 70, 230, 11, 330);
		}
		else {
			DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy年M月d日");
			pdf.centred(properties.university().name(), 760, 22);
			pdf.centred("在读证明", 720, 20);
			int y = pdf.text("兹证明" + name + "（学号：" + number + "）系我校" + college + (major.isBlank() ? "" : major + "专业")
					+ "在读学生。", 70, 660, 14, 455);
			y = pdf.text("特此证明。", 98, y - 6, 14, 455);
			pdf.text("证明编号：" + c.id(), 70, y - 20, 10, 455);
			pdf.text("开具日期：" + f.format(issued) + "，有效期至" + f.format(until) + "。", 70, 250, 11, 330);
			pdf.text("扫描右侧二维码可验证本证明真伪。", 70, 230, 11, 330);
		}
		pdf.line(70, 300, 525);
		pdf.qr(QrImages.image(credentials.token(c), 2), 405, 150, 120);
		return pdf.toBytes();
	}

	private static String text(Map<String, Object> formData, String key) {
		Object value = formData.get(key);
		return value == null ? "" : value.toString();
	}
}
