package org.onecampus.hall.internal.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onecampus.hall.internal.statistics.Statistics.ColdService;
import org.onecampus.hall.internal.statistics.Statistics.DepartmentFigures;
import org.onecampus.hall.internal.statistics.Statistics.Figures;
import org.onecampus.hall.internal.statistics.Statistics.Filter;
import org.onecampus.hall.internal.statistics.Statistics.Kpis;
import org.onecampus.hall.internal.statistics.Statistics.Nodes;
import org.onecampus.hall.internal.statistics.Statistics.Overview;
import org.onecampus.hall.internal.statistics.Statistics.ServiceFigures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's tables as an .xlsx workbook, one sheet per table, headers in the filter's language. */
@Component
class StatisticsExport {

	private static final List<String> FIGURE_HEADERS = List.of("submitted", "completed", "one-time-rate",
			"average-hours", "p90-hours", "breaches", "breach-rate", "rating-average", "ratings");

	private final Statistics statistics;

	private final MessageSource messages;

	StatisticsExport(Statistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	byte[] workbook(Filter filter) {
		Overview overview = statistics.overview(filter);
		Kpis kpis = statistics.kpis(filter);
		List<ServiceFigures> services = statistics.services(filter);
		List<DepartmentFigures> departments = statistics.departments(filter);
		List<ColdService> cold = statistics.cold(filter, 5);
		Nodes nodes = statistics.nodes(filter, services);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer writer = new Writer(workbook, filter);
			Sheet kpiSheet = writer.sheet("kpis", "kpi", "value", "goal");
			writer.row(kpiSheet, text(filter, "kpi.online-services"), kpis.onlineServices(), kpis.onlineServicesGoal());
			writer.row(kpiSheet, text(filter, "kpi.cross-department-share"), kpis.crossDepartmentShare(),
					kpis.crossDepartmentGoal());
			writer.row(kpiSheet, text(filter, "kpi.one-time-rate"), kpis.oneTimeRate(), kpis.oneTimeGoal());
			writer.row(kpiSheet, text(filter, "kpi.cross-department-applications"), kpis.crossDepartmentApplicationShare(),
					null);
			Sheet volume = writer.sheet("volume", "period", "submitted", "completed", "breaches");
			overview.series().forEach(p -> writer.row(volume, p.start().toString(), p.submitted(), p.completed(), p.breaches()));
			writer.services(writer.sheet("services", headers("code", "service", "department", "promised-days")), services);
			writer.services(writer.sheet("top", headers("code", "service", "department", "promised-days")),
					services.stream().filter(s -> s.figures().submitted() > 0).limit(Statistics.TOP).toList());
			Sheet byDepartment = writer.sheet("departments", headers("department", "services"));
			departments.forEach(d -> writer.row(byDepartment, figures(d.figures(), d.orgUnit().name(), d.services())));
			Sheet coldSheet = writer.sheet("cold", "code", "service", "department", "submitted", "published-at");
			cold.forEach(c -> writer.row(coldSheet, c.code(), c.name(), c.ownerOrgUnit() == null ? null : c.ownerOrgUnit().name(),
					c.submitted(), c.publishedAt() == null ? null : c.publishedAt().toString()));
			Sheet nodeSheet = writer.sheet("nodes", "service", "version", "node", "count", "average-hours", "p90-hours");
			if (nodes != null) {
				nodes.items().forEach(n -> writer.row(nodeSheet, nodes.serviceName(), n.version(), n.nodeName(), n.count(),
						hours(n.averageSeconds()), hours(n.p90Seconds())));
			}
			Sheet ratings = writer.sheet("ratings", "stars", "ratings");
			for (int s = 5; s >= 1; s--) {
				writer.row(ratings, s, overview.totals().stars().get(s - 1));
			}
			Sheet comments = writer.sheet("comments", "service", "stars", "comment", "at");
			overview.recentComments().forEach(c -> writer.row(comments, c.serviceName(), c.stars(), c.comment(), c.at().toString()));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String[] headers(String... first) {
		List<String> all = new ArrayList<>(Arrays.asList(first));
		all.addAll(FIGURE_HEADERS);
		return all.toArray(String[]::new);
	}

	private static Object[] figures(Figures f, Object... first) {
		List<Object> values = new ArrayList<>(Arrays.asList(first));
		values.addAll(Arrays.asList(f.submitted(), f.completed(), f.oneTimeRate(), hours(f.averageSeconds()),
				hours(f.p90Seconds()), f.breaches(), f.breachRate(), f.ratingAverage(), f.ratingCount()));
		return values.toArray();
	}

	private static Double hours(Double seconds) {
		return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
	}

	private String text(Filter filter, String key) {
		return messages.getMessage("hall.statistics.export." + key, null, key, filter.locale());
	}

	/** Writes sheets with a bold header row. */
	private final class Writer {

		private final XSSFWorkbook workbook;

		private final Filter filter;

		private final CellStyle bold;

		Writer(XSSFWorkbook workbook, Filter filter) {
			this.workbook = workbook;
			this.filter = filter;
			this.bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
		}

		Sheet sheet(String name, String... headers) {
			Sheet sheet = workbook.createSheet(text(filter, "sheet." + name));
			Row row = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				row.createCell(i).setCellValue(text(filter, "column." + headers[i]));
				row.getCell(i).setCellStyle(bold);
				sheet.setColumnWidth(i, 16 * 256);
			}
			return sheet;
		}

		void services(Sheet sheet, List<ServiceFigures> services) {
			services.forEach(s -> row(sheet, figures(s.figures(), s.code(), s.name(),
					s.ownerOrgUnit() == null ? null : s.ownerOrgUnit().name(), s.promisedDays())));
		}

		void row(Sheet sheet, Object... values) {
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value instanceof Number number) {
					row.createCell(i).setCellValue(number.doubleValue());
				}
				else if (value != null) {
					row.createCell(i).setCellValue(value.toString());
				}
			}
		}
	}
}
