package dev.punchcard.core.imports.infrastructure;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.EnrolCustomer.EnrolmentDefaults;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.imports.application.BackgroundImports;
import dev.punchcard.core.imports.application.ImportCatalog;
import dev.punchcard.core.imports.application.ImportFiles;
import dev.punchcard.core.imports.application.Imports;
import dev.punchcard.core.imports.application.InterruptStaleImports;
import dev.punchcard.core.imports.application.MemberChunks;
import dev.punchcard.core.imports.application.PurchaseChunks;
import dev.punchcard.core.imports.application.RunImport;
import dev.punchcard.core.imports.application.StartImport;
import dev.punchcard.core.imports.domain.MemberLines;
import dev.punchcard.core.imports.domain.PurchaseLines;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.RecordHistoricalPurchase;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.store.application.Stores;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	@Bean
	Imports imports(DatabaseClient db) {
		return new R2dbcImports(db);
	}

	@Bean
	ImportFiles importFiles(ImportProperties properties) {
		return new CsvImportFiles(properties.directory(), properties.maxFileSize().toBytes());
	}

	@Bean
	DetachedImports backgroundImports() {
		return new DetachedImports();
	}

	@Bean
	R2dbcMemberImportWrites memberImportWrites(DatabaseClient db) {
		return new R2dbcMemberImportWrites(db);
	}

	@Bean
	RunImport runImport(ImportFiles files, Imports imports, ImportProperties properties, PhoneNumbers phones,
			Stores stores, R2dbcMemberImportWrites writes, CodeSigner codes, EnrolmentDefaults defaults,
			RecordPurchase recordPurchase, RecordHistoricalPurchase recordHistorical, LoyaltyProgram program,
			Clock clock) {
		MemberChunks members = new MemberChunks(new MemberLines(phones, "en"), stores, writes, codes,
				defaults.lowestTier(), clock);
		PurchaseChunks purchases = new PurchaseChunks(new PurchaseLines(phones, program.currency()), writes, codes,
				recordPurchase, recordHistorical, program, properties.purchaseConcurrency(),
				TransientErrors::isTransient, clock);
		return new RunImport(files, imports, StartImport.byKind(members, purchases), properties.chunkSize(), clock);
	}

	@Bean
	StartImport startImport(ImportFiles files, Imports imports, RunImport run, BackgroundImports background,
			Clock clock) {
		return new StartImport(files, imports, run, background, clock);
	}

	@Bean
	ImportCatalog importCatalog(Imports imports) {
		return new ImportCatalog(imports);
	}

	@Bean
	InterruptStaleImports interruptStaleImports(Imports imports, ImportProperties properties, Clock clock) {
		return new InterruptStaleImports(imports, properties.staleAfter(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.imports.watch", havingValue = "true", matchIfMissing = true)
	StaleImportWatch staleImportWatch(InterruptStaleImports interrupt, ImportProperties properties) {
		return new StaleImportWatch(interrupt, properties.watchEvery());
	}

}
