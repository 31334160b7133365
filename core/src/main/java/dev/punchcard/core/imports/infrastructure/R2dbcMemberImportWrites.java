package dev.punchcard.core.imports.infrastructure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.imports.application.ImportCustomers;
import dev.punchcard.core.imports.application.MemberImportWrites;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The set-based statements of a chunk: a chunk's members inserted with their zero
 * balances by one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING} (any
 * unique key taken, the row is skipped, not failed), and the customers a chunk names
 * looked up by one {@code = ANY} query.
 */
class R2dbcMemberImportWrites implements MemberImportWrites, ImportCustomers {

	private static final String FIND = """
			SELECT id, external_id, phone, card_number FROM customers
			WHERE external_id = ANY(:externalIds::text[]) OR phone = ANY(:phones::text[])
			""";

	private static final String INSERT = """
			WITH input AS (
			    SELECT * FROM unnest(:ids::uuid[], :externalIds::text[], :names::text[], :phones::text[],
			                         :languages::text[], :stores::uuid[], :referralCodes::text[], :cardNumbers::bigint[])
			        AS t(id, external_id, name, phone, language, home_store_id, referral_code, card_number)
			), inserted AS (
			    INSERT INTO customers (id, name, phone, language, home_store_id, referral_code, status, card_number, tier,
			                           created_at, external_id)
			    SELECT id, name, phone, language, home_store_id, referral_code, 'ACTIVE', card_number, :tier, :now,
			           external_id
			    FROM input
			    ON CONFLICT DO NOTHING
			    RETURNING id, external_id
			), balances AS (
			    INSERT INTO points_balances (customer_id, balance) SELECT id, 0 FROM inserted
			)
			SELECT external_id FROM inserted
			""";

	private static final String LINK = "UPDATE customers SET external_id = :externalId "
			+ "WHERE id = :id AND external_id IS NULL";

	// WhatsApp names an account by its number without the plus: the member's WhatsApp
	// account once they write
	private static final String OPT_OUT = """
			INSERT INTO marketing_consents (channel, external_id, opted_out, source, changed_at)
			SELECT 'WHATSAPP', substr(phone, 2), true, 'import', :now FROM unnest(:phones::text[]) AS t(phone)
			ON CONFLICT ON CONSTRAINT marketing_consents_pkey DO NOTHING
			""";

	private final DatabaseClient db;

	R2dbcMemberImportWrites(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<KnownMember> find(List<String> externalIds, List<String> phones) {
		return this.db.sql(FIND)
			.bind("externalIds", externalIds.toArray(String[]::new))
			.bind("phones", phones.toArray(String[]::new))
			.map((row) -> new KnownMember(new CustomerId(row.get("id", UUID.class)),
					row.get("external_id", String.class), row.get("phone", String.class)))
			.all();
	}

	@Override
	public Flux<CardHolder> cardHolders(List<String> externalIds, List<String> phones) {
		return this.db.sql(FIND)
			.bind("externalIds", externalIds.toArray(String[]::new))
			.bind("phones", phones.toArray(String[]::new))
			.map((row) -> new CardHolder(row.get("external_id", String.class), row.get("phone", String.class),
					row.get("card_number", Long.class)))
			.all();
	}

	@Override
	public Flux<String> insert(List<NewMember> members, String tier, Instant now) {
		return this.db.sql(INSERT)
			.bind("ids", members.stream().map((member) -> member.id().value()).toArray(UUID[]::new))
			.bind("externalIds", members.stream().map(NewMember::externalId).toArray(String[]::new))
			.bind("names", members.stream().map(NewMember::name).toArray(String[]::new))
			.bind("phones", members.stream().map(NewMember::phone).toArray(String[]::new))
			.bind("languages", members.stream().map(NewMember::language).toArray(String[]::new))
			.bind("stores",
					members.stream()
						.map((member) -> (member.homeStore() == null) ? null : member.homeStore().value())
						.toArray(UUID[]::new))
			.bind("referralCodes", members.stream().map(NewMember::referralCode).toArray(String[]::new))
			.bind("cardNumbers", members.stream().map(NewMember::cardNumber).toArray(Long[]::new))
			.bind("tier", tier)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map((row) -> row.get("external_id", String.class))
			.all();
	}

	@Override
	public Mono<Boolean> link(CustomerId customer, String externalId) {
		return this.db.sql(LINK)
			.bind("id", customer.value())
			.bind("externalId", externalId)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L)
			// another member has that external id: a race with another import, left as it
			// is
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	@Override
	public Mono<Void> optOut(List<String> phones, Instant now) {
		return this.db.sql(OPT_OUT)
			.bind("phones", phones.toArray(String[]::new))
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.then();
	}

}
