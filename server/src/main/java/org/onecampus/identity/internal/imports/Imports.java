package org.onecampus.identity.internal.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import of one or more kinds whole or not at all: the sheets apply in {@link ImportKind} order (org units,
 * people, positions) inside one transaction, each row under a savepoint, and the transaction is rolled back on a
 * dry run or when any row of any sheet has a problem. An applied import is audited once per kind.
 */
@Service
class Imports {

	private final Map<ImportKind, SheetImport> importers = new EnumMap<>(ImportKind.class);

	private final AdminScope scopes;

	private final MessageSource messages;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	Imports(List<SheetImport> importers, AdminScope scopes, MessageSource messages, AuditLog audit,
			PlatformTransactionManager transactions) {
		importers.forEach(i -> this.importers.put(i.kind(), i));
		this.scopes = scopes;
		this.messages = messages;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * @param sheets the rows of each kind the import carries; not empty
	 * @throws PlatformException 403 when {@code user} lacks the permission of a kind, 422 when a sheet is unusable
	 */
	ImportReport run(Map<ImportKind, List<List<String>>> sheets, boolean dryRun, CampusUser user, Locale locale) {
		if (sheets.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.empty");
		}
		for (ImportKind kind : sheets.keySet()) {
			if (!user.hasPermission(kind.permission)) {
				throw new PlatformException(HttpStatus.FORBIDDEN, "auth.forbidden");
			}
		}
		ImportRun run = new ImportRun(user, scopes, messages, savepoint, locale);
		transaction.executeWithoutResult(status -> {
			for (ImportKind kind : ImportKind.values()) {
				if (sheets.containsKey(kind)) {
					importers.get(kind).apply(sheets.get(kind), run);
				}
			}
			if (dryRun || run.hasErrors()) {
				status.setRollbackOnly();
			}
		});
		boolean applied = !dryRun && !run.hasErrors();
		if (applied) {
			for (ImportKind kind : sheets.keySet()) {
				int[] counts = run.counts(kind);
				audit.record(kind == ImportKind.PEOPLE ? "identity.people.imported" : "identity." + kind.key + ".imported",
						kind.key, Map.of("rows", counts[0], "created", counts[1], "updated", counts[2]));
			}
		}
		return run.report(applied);
	}
}
