package org.onecampus.identity.internal.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The state of one import while its sheets are applied inside one transaction: the administrator's scopes (widened
 * by the org units the import creates inside them), the problems found per row and the counts per kind.
 */
final class ImportRun {

	private final CampusUser user;

	private final AdminScope scopes;

	private final MessageSource messages;

	private final TransactionTemplate savepoint;

	final Locale locale;

	private final Map<String, Scope> scopeByPermission = new HashMap<>();

	private final List<ImportReport.RowError> errors = new ArrayList<>();

	private final Map<ImportKind, Set<Integer>> invalidRows = new EnumMap<>(ImportKind.class);

	private final Map<ImportKind, int[]> counts = new EnumMap<>(ImportKind.class);

	ImportRun(CampusUser user, AdminScope scopes, MessageSource messages, TransactionTemplate savepoint, Locale locale) {
		this.user = user;
		this.scopes = scopes;
		this.messages = messages;
		this.savepoint = savepoint;
		this.locale = locale;
	}

	Scope scope(ImportKind kind) {
		return scopeByPermission.computeIfAbsent(kind.permission, p -> scopes.of(user, p));
	}

	/** A unit created below {@code parentId} joins every restricted scope that covers its parent. */
	void widen(UUID parentId, UUID created) {
		for (ImportKind kind : ImportKind.values()) {
			Scope scope = scope(kind);
			if (!scope.whole() && scope.covers(parentId)) {
				Set<UUID> units = new HashSet<>(scope.units());
				units.add(created);
				scopeByPermission.put(kind.permission, new Scope(false, units));
			}
		}
	}

	/** Counts a row read; {@code valid} rows are then applied through {@link #apply}. */
	void read(ImportKind kind) {
		counts.computeIfAbsent(kind, k -> new int[3])[0]++;
	}

	/** Reports the problems of a row; the row is then not applied. */
	<C extends Enum<C> & Column> boolean reportProblems(ImportKind kind, ImportSheet.Cells<C> cells) {
		cells.problems.forEach(p -> error(kind, cells.row, p.column().key(), p.code(), p.args()));
		return !cells.problems.isEmpty();
	}

	void error(ImportKind kind, int row, String column, String code, Object... args) {
		invalidRows.computeIfAbsent(kind, k -> new HashSet<>()).add(row);
		errors.add(new ImportReport.RowError(kind.key, row, column, message(code, args)));
	}

	/**
	 * Applies one valid row under a savepoint, so that a refused row leaves nothing behind to confuse the next rows'
	 * checks; a refusal is reported on the column {@code columnOf} names for the field or error code.
	 * @param created whether the row creates (true) or updates (false) what it names
	 */
	void apply(ImportKind kind, int row, Supplier<Boolean> created, Function<String, String> columnOf) {
		try {
			boolean isNew = savepoint.execute(s -> created.get());
			counts.computeIfAbsent(kind, k -> new int[3])[isNew ? 1 : 2]++;
		}
		catch (PlatformException ex) {
			if (!ex.fieldProblems().isEmpty()) {
				ex.fieldProblems().forEach(p -> error(kind, row, columnOf.apply(p.field()), p.messageCode(), p.args()));
			}
			else {
				error(kind, row, columnOf.apply(ex.errorCode()), "problem." + ex.errorCode() + ".detail", ex.args());
			}
		}
		catch (DataAccessException ex) {
			error(kind, row, columnOf.apply(""), "identity.import.database");
		}
	}

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	ImportReport report(boolean applied) {
		List<ImportReport.KindCount> kinds = new ArrayList<>();
		int rows = 0;
		int invalid = 0;
		int created = 0;
		int updated = 0;
		for (Map.Entry<ImportKind, int[]> entry : counts.entrySet()) {
			int[] c = entry.getValue();
			kinds.add(new ImportReport.KindCount(entry.getKey().key, c[0], c[1], c[2]));
			rows += c[0];
			invalid += invalidRows.getOrDefault(entry.getKey(), Set.of()).size();
			created += c[1];
			updated += c[2];
		}
		List<ImportReport.RowError> sorted = new ArrayList<>(errors);
		sorted.sort(java.util.Comparator.comparing((ImportReport.RowError e) -> ImportKind.byName(e.kind()).orElseThrow())
			.thenComparingInt(ImportReport.RowError::row));
		return new ImportReport(rows, rows - invalid, List.copyOf(sorted), applied, created, updated, kinds);
	}

	int[] counts(ImportKind kind) {
		return counts.getOrDefault(kind, new int[3]);
	}

	String message(String code, Object[] args) {
		return messages.getMessage(code, args, code, locale);
	}
}
