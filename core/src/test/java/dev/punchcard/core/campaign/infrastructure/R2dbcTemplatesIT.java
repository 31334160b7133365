package dev.punchcard.core.campaign.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.campaign.application.TelegramTemplates.Write;
import dev.punchcard.core.campaign.application.WhatsAppTemplates.SyncResult;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template stores on PostgreSQL: the one-statement sync and the audited Telegram
 * CRUD.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcTemplatesIT {

	private static final Instant NOW = TestClock.NOW;

	private TestDatabase database;

	private DatabaseClient db;

	private R2dbcWhatsAppTemplates whatsApp;

	private R2dbcTelegramTemplates telegram;

	private StaffId marketer;

	@BeforeEach
	void emptyTables() {
		this.database = TestDatabases.forModule("core");
		this.db = this.database.client();
		this.db.sql("TRUNCATE whatsapp_templates, telegram_templates, audit_log, staff CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.whatsApp = new R2dbcWhatsAppTemplates(this.db, new ObjectMapper());
		this.telegram = new R2dbcTelegramTemplates(this.db, new ObjectMapper());
		this.marketer = staff();
	}

	@Test
	void should_store_approved_paused_and_rejected_templates_with_their_parameters_when_first_synced() {
		List<TemplateListing> listed = List.of(approved("spring_sale", "en_US"),
				listing("winter_sale", "en_US", TemplateStatus.PAUSED),
				listing("bad_words", "en", TemplateStatus.REJECTED));

		sync(listed, this.marketer, NOW, null)
			.assertNext((result) -> assertThat(result).isEqualTo(new SyncResult.Synced(3, 3, 0, 0)))
			.verifyComplete();

		List<WhatsAppTemplate> stored = this.whatsApp.all().collectList().block();
		assertThat(stored).extracting(WhatsAppTemplate::name)
			.containsExactly("bad_words", "spring_sale", "winter_sale");
		WhatsAppTemplate spring = stored.get(1);
		assertThat(spring.listing()).isEqualTo(approved("spring_sale", "en_US"));
		assertThat(spring.parameterKeys()).containsExactly("header.1", "body.first_name", "body.balance", "button.1.1");
		assertThat(spring.whyNotSendable()).isEmpty();
		assertThat(stored.get(2).whyNotSendable()).hasValueSatisfying((why) -> assertThat(why).contains("paused"));
		assertThat(stored.get(0).whyNotSendable()).hasValueSatisfying((why) -> assertThat(why).contains("REJECTED"));
		this.whatsApp.find(spring.id())
			.as(StepVerifier::create)
			.assertNext((found) -> assertThat(found).isEqualTo(spring))
			.verifyComplete();
		assertThat(auditDetails("whatsapp_templates.synced")).singleElement()
			.satisfies((details) -> assertThat(details).contains("\"listed\": 3").contains("spring_sale"));
	}

	@Test
	void should_update_changed_keep_ids_and_mark_unlisted_ones_gone_when_synced_again() {
		sync(List.of(approved("spring_sale", "en_US"), listing("winter_sale", "en_US", TemplateStatus.PAUSED)), null,
				NOW, null)
			.expectNextCount(1)
			.verifyComplete();
		TemplateId springId = idOf("spring_sale");

		sync(List.of(listing("spring_sale", "en_US", TemplateStatus.DISABLED)), null, NOW.plusSeconds(60), null)
			.assertNext((result) -> assertThat(result).isEqualTo(new SyncResult.Synced(1, 0, 1, 1)))
			.verifyComplete();

		List<WhatsAppTemplate> stored = this.whatsApp.all().collectList().block();
		assertThat(stored).extracting(WhatsAppTemplate::name, WhatsAppTemplate::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("spring_sale", TemplateStatus.DISABLED),
					org.assertj.core.groups.Tuple.tuple("winter_sale", TemplateStatus.PAUSED));
		assertThat(stored.get(0).id()).isEqualTo(springId);
		assertThat(stored.get(0).goneAt()).isNull();
		assertThat(stored.get(1).goneAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(stored.get(1).whyNotSendable()).hasValueSatisfying((why) -> assertThat(why).contains("no longer"));

		// listed again: no longer gone
		sync(List.of(listing("winter_sale", "en_US", TemplateStatus.PAUSED)), null, NOW.plusSeconds(120), null)
			.assertNext((result) -> assertThat(result).isEqualTo(new SyncResult.Synced(1, 0, 1, 1)))
			.verifyComplete();
		assertThat(this.whatsApp.find(idOf("winter_sale")).block().goneAt()).isNull();
		assertThat(auditDetails("whatsapp_templates.synced")).hasSize(3);
	}

	@Test
	void should_write_nothing_when_a_sync_finished_after_the_schedules_threshold() {
		sync(List.of(approved("spring_sale", "en_US")), null, NOW, null).expectNextCount(1).verifyComplete();

		sync(List.of(), null, NOW.plusSeconds(30), NOW.minus(Duration.ofHours(1))).expectNext(new SyncResult.Recent())
			.verifyComplete();
		this.whatsApp.lastSync().as(StepVerifier::create).expectNext(NOW).verifyComplete();

		sync(List.of(), null, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(1)))
			.expectNext(new SyncResult.Synced(0, 0, 0, 1))
			.verifyComplete();
	}

	@Test
	void should_answer_busy_and_write_nothing_when_another_connection_holds_the_sync_lock() {
		DatabaseClient other = this.database.client();

		Mono<SyncResult> whileLocked = other.inConnection(
				(connection) -> Flux
					.from(connection.createStatement("SELECT pg_advisory_lock(" + R2dbcWhatsAppTemplates.LOCK_KEY + ")")
						.execute())
					.flatMap(Result::getRowsUpdated)
					.then(this.whatsApp.replaceAll("1", List.of(approved("spring_sale", "en_US")), null, NOW, null))
					.flatMap(
							(result) -> Flux
								.from(connection
									.createStatement(
											"SELECT pg_advisory_unlock(" + R2dbcWhatsAppTemplates.LOCK_KEY + ")")
									.execute())
								.flatMap(Result::getRowsUpdated)
								.then(Mono.just(result))));

		whileLocked.as(StepVerifier::create).expectNext(new SyncResult.Busy()).verifyComplete();
		this.whatsApp.all().as(StepVerifier::create).verifyComplete();
		assertThat(auditDetails("whatsapp_templates.synced")).isEmpty();
	}

	@Test
	void should_store_change_and_delete_telegram_templates_each_with_its_audit_row() {
		TelegramTemplate template = telegramTemplate("Spring sale");
		this.telegram.insert(template)
			.as(StepVerifier::create)
			.expectNext(new Write.Written(template))
			.verifyComplete();
		this.telegram.insert(telegramTemplate("SPRING SALE"))
			.as(StepVerifier::create)
			.expectNext(new Write.NameTaken("SPRING SALE"))
			.verifyComplete();

		TelegramTemplate changed = new TelegramTemplate(template.id(), "Spring sale 2", Map.of("en", "Bye"),
				TemplateImage.NONE, List.of(), this.marketer, NOW.plusSeconds(999), this.marketer, NOW.plusSeconds(5));
		this.telegram.update(changed)
			.as(StepVerifier::create)
			.assertNext((write) -> assertThat(write).isInstanceOfSatisfying(Write.Written.class, (written) -> {
				assertThat(written.template().name()).isEqualTo("Spring sale 2");
				assertThat(written.template().createdAt()).as("kept").isEqualTo(template.createdAt());
				assertThat(written.template().updatedAt()).isEqualTo(NOW.plusSeconds(5));
			}))
			.verifyComplete();
		this.telegram.update(telegramTemplate("Other"))
			.as(StepVerifier::create)
			.assertNext((write) -> assertThat(write).isInstanceOf(Write.Missing.class))
			.verifyComplete();

		this.telegram.delete(template.id(), this.marketer, NOW.plusSeconds(9))
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
		this.telegram.delete(template.id(), this.marketer, NOW.plusSeconds(9))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		assertThat(auditDetails("telegram_template.created")).singleElement()
			.satisfies((details) -> assertThat(details).contains("Spring sale").contains("{{first_name}}"));
		assertThat(auditDetails("telegram_template.updated")).singleElement()
			.satisfies((details) -> assertThat(details).contains("\"before\"").contains("Spring sale 2"));
		assertThat(auditDetails("telegram_template.deleted")).hasSize(1);
		assertThat(count("SELECT count(*) FROM audit_log WHERE actor_id = '" + this.marketer + "'")).isEqualTo(3);
	}

	@Test
	void should_read_back_a_telegram_templates_texts_image_and_buttons_as_written() {
		TelegramTemplate template = telegramTemplate("Card reminder");
		this.telegram.insert(template).block();

		this.telegram.find(template.id()).as(StepVerifier::create).expectNext(template).verifyComplete();
		this.telegram.all().as(StepVerifier::create).expectNext(template).verifyComplete();
	}

	private TelegramTemplate telegramTemplate(String name) {
		return new TelegramTemplate(TemplateId.random(), name,
				Map.of("en", "Hi *{{first_name}}*", "ru", "Привет, {{first_name}}"), TemplateImage.MEMBER_CARD,
				List.of(new TelegramButton("Invite", "{{referral_link}}", null),
						new TelegramButton("Rewards", null, "rewards")),
				this.marketer, NOW, this.marketer, NOW);
	}

	private static TemplateListing approved(String name, String language) {
		return new TemplateListing("1234" + name.length(), name, language, "MARKETING", TemplateStatus.APPROVED,
				ParameterFormat.NAMED,
				List.of(TemplateComponent.of("HEADER", "TEXT", "Hi {{1}}", List.of()),
						TemplateComponent.of("BODY", null, "Dear {{first_name}}, you have {{balance}} points.",
								List.of()),
						TemplateComponent.of("BUTTONS", null, null,
								List.of(TemplateButton.of("QUICK_REPLY", "Stop promotions", null),
										TemplateButton.of("URL", "Shop", "https://shop.example/{{1}}")))));
	}

	private static TemplateListing listing(String name, String language, TemplateStatus status) {
		return new TemplateListing("99" + name.length(), name, language, "UTILITY", status, ParameterFormat.POSITIONAL,
				List.of(TemplateComponent.of("BODY", null, "Your balance is {{1}}", List.of())));
	}

	private StepVerifier.FirstStep<SyncResult> sync(List<TemplateListing> listed, StaffId by, Instant at,
			Instant unlessAfter) {
		return this.whatsApp.replaceAll("102290129340398", listed, by, at, unlessAfter).as(StepVerifier::create);
	}

	private TemplateId idOf(String name) {
		return this.whatsApp.all().filter((template) -> template.name().equals(name)).blockFirst().id();
	}

	private List<String> auditDetails(String action) {
		return this.db.sql("SELECT details::text AS details FROM audit_log WHERE action = :action ORDER BY at")
			.bind("action", action)
			.map((row) -> row.get("details", String.class))
			.all()
			.collectList()
			.block();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	private StaffId staff() {
		StaffId staff = StaffId.random();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, :name, 'x', 'MARKETER')")
			.bind("id", staff.value())
			.bind("name", "marketer-" + staff)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return staff;
	}

}
