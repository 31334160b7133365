package dev.punchcard.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and layer boundaries of STYLE.md, as rules that fail the build. */
@AnalyzeClasses(packages = "dev.punchcard",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTest.ExcludeTestJars.class })
class ArchitectureTest {

	@ArchTest
	static final ArchRule request_text_is_checked_for_control_characters = fields().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("dev.punchcard.app.api..")
		.and()
		.areDeclaredInClassesThat()
		.haveSimpleNameEndingWith("Request")
		.and()
		.haveRawType(String.class)
		.should()
		.beAnnotatedWith("dev.punchcard.app.api.CleanText")
		.orShould()
		.beAnnotatedWith("jakarta.validation.constraints.Pattern")
		.as("every text field of an API request refuses control characters (@CleanText or a @Pattern)");

	@ArchTest
	static final ArchRule core_depends_on_no_other_module = noClasses().that()
		.resideInAPackage("dev.punchcard.core..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.punchcard.bot..", "dev.punchcard.webhooks..", "dev.punchcard.app..")
		.as("core depends on no other module of ours");

	@ArchTest
	static final ArchRule the_console_calls_use_cases_never_the_http_api_or_sql = noClasses().that()
		.resideInAPackage("dev.punchcard.app.console..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.punchcard.app.api..", "org.springframework.r2dbc..", "io.r2dbc..",
				"org.springframework.web.reactive.function.client..")
		.as("the console's handlers call the use cases, never the HTTP API (over HTTP or its classes) or SQL");

	@ArchTest
	static final ArchRule domain_is_plain_java = noClasses().that()
		.resideInAPackage("dev.punchcard.core..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..", "com.fasterxml.jackson..",
				"io.lettuce..")
		.as("domain packages use no Spring, Reactor, R2DBC, Jackson or Lettuce");

	@ArchTest
	static final ArchRule segment_use_cases_read_filters_as_plain_documents = noClasses().that()
		.resideInAPackage("dev.punchcard.core.segment.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.fasterxml.jackson..", "io.r2dbc..", "org.springframework.r2dbc..",
				"org.springframework.web..", "org.springframework.http..")
		.as("segment use cases read filters as plain maps and lists: no Jackson, R2DBC or web types");

	@ArchTest
	static final ArchRule broadcasts_in_core_know_no_web_and_no_chat_platform = noClasses().that()
		.resideInAPackage("dev.punchcard.core.broadcast..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "dev.punchcard.bot..",
				"dev.punchcard.webhooks..", "org.telegram..")
		.as("broadcasts in core know no web types and no chat platform: the edges translate");

	@ArchTest
	static final ArchRule broadcast_use_cases_leave_sql_to_the_adapters = noClasses().that()
		.resideInAPackage("dev.punchcard.core.broadcast.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..", "com.fasterxml.jackson..")
		.as("broadcast use cases leave SQL and JSON to the adapters");

	@ArchTest
	static final ArchRule import_use_cases_leave_sql_and_csv_parsing_to_the_adapters = noClasses().that()
		.resideInAPackage("dev.punchcard.core.imports.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..", "de.siegmar..", "org.springframework.web..",
				"org.springframework.http..");

	@ArchTest
	static final ArchRule analytics_use_cases_leave_sql_to_the_adapters = noClasses().that()
		.resideInAnyPackage("dev.punchcard.core.analytics.application..", "dev.punchcard.core.analytics.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..", "org.springframework.web..",
				"org.springframework.http..");

	@ArchTest
	static final ArchRule chat_modules_use_the_core_only_through_its_application_and_domain = noClasses().that()
		.resideInAnyPackage("dev.punchcard.bot..", "dev.punchcard.webhooks..", "dev.punchcard.app..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.punchcard.core..infrastructure..")
		.as("bot, webhooks and app reach core only through its application and domain packages");

	@ArchTest
	static final ArchRule templates_are_rendered_only_by_the_channel_edges = noClasses().that()
		.resideInAnyPackage("dev.punchcard.bot.template..", "dev.punchcard.core.campaign..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.punchcard.bot.telegram..", "dev.punchcard.webhooks..", "org.telegram..",
				"dev.punchcard.app..")
		.as("template values, bindings and previews are channel-neutral: each edge renders its own templates");

	@ArchTest
	static final ArchRule broadcast_senders_are_channel_neutral = noClasses().that()
		.resideInAPackage("dev.punchcard.bot.broadcast..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.punchcard.bot.telegram..", "dev.punchcard.webhooks..", "org.telegram..",
				"com.fasterxml.jackson..", "dev.punchcard.app..")
		.as("the broadcast senders are channel-neutral: each channel is an edge implementing BroadcastChannel");

	@ArchTest
	static final ArchRule webhooks_do_not_use_the_telegram_edge = noClasses().that()
		.resideInAPackage("dev.punchcard.webhooks..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.punchcard.bot.telegram..")
		.as("webhooks use the conversation engine, never the Telegram edge")
		// webhooks has no classes until the WhatsApp channel lands
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule telegram_types_stay_in_the_telegram_edge = noClasses().that()
		.resideOutsideOfPackage("dev.punchcard.bot.telegram..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.telegram..")
		.as("TelegramBots types stay inside dev.punchcard.bot.telegram");

	@ArchTest
	static final ArchRule nothing_blocks_outside_start_up = noClasses().that()
		.doNotHaveSimpleName("FirstAdminBootstrap")
		.and()
		// long polling: the offset advances when consume() returns, so the update is
		// stored before that
		.doNotHaveSimpleName("TelegramPollingConsumer")
		.and()
		.resideOutsideOfPackage("dev.punchcard.app.embedded..")
		.should()
		.callMethod(reactor.core.publisher.Mono.class, "block")
		.orShould()
		.callMethod(reactor.core.publisher.Mono.class, "block", java.time.Duration.class)
		.orShould()
		.callMethod(reactor.core.publisher.Flux.class, "blockFirst")
		.orShould()
		.callMethod(reactor.core.publisher.Flux.class, "blockLast")
		.as("no code blocks on a reactive type, except start-up code");

	@ArchTest
	static final ArchRule core_features_have_no_cycles = slices().matching("dev.punchcard.core.(*)..")
		.should()
		.beFreeOfCycles()
		.as("core features depend on each other without cycles");

	/**
	 * core's test-jar (fixtures, IT base classes) is on this classpath; it is not
	 * production code.
	 */
	static final class ExcludeTestJars implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("-tests.jar") && !location.contains("/test-classes/");
		}

	}

}
