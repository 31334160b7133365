package dev.punchcard.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.app.PunchcardApplication;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.staff.application.AuthenticateStaff;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import dev.punchcard.core.support.TestRedis;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole application on embedded defaults, twice on one data directory, and
 * once with connection settings given.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class EmbeddedDefaultsRestartIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path dataDir;

	@Test
	void should_keep_rows_and_keys_when_the_application_restarts_on_the_same_data_directory() {
		UUID storeId = UUID.randomUUID();
		List<Duration> startups = new ArrayList<>();

		try (ConfigurableApplicationContext first = start(startups, onEmbeddedDefaults())) {
			assertThat(first.getEnvironment().getProperty("spring.r2dbc.url"))
				.startsWith("r2dbc:postgresql://127.0.0.1:");
			insertStore(first, storeId, "Main Street").as(StepVerifier::create).expectNext(1L).verifyComplete();
			redis(first).opsForValue()
				.set("restart-it", "kept")
				.as(StepVerifier::create)
				.expectNext(true)
				.verifyComplete();
		}
		try (ConfigurableApplicationContext second = start(startups, onEmbeddedDefaults())) {
			storeName(second, storeId).as(StepVerifier::create)
				.expectNext("Main Street")
				.expectComplete()
				.verify(TIMEOUT);
			redis(second).opsForValue().get("restart-it").as(StepVerifier::create).expectNext("kept").verifyComplete();
		}

		System.out.printf("Embedded defaults: first start %d ms, second start %d ms%n", startups.get(0).toMillis(),
				startups.get(1).toMillis());
		assertThat(this.dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
		assertThat(this.dataDir.resolve("redis/redis.pid")).doesNotExist();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void should_create_the_admin_once_and_keep_secrets_when_the_zero_setup_run_restarts(CapturedOutput output)
			throws Exception {
		String code;
		String password;
		try (ConfigurableApplicationContext first = start(new ArrayList<>(), onEmbeddedDefaults())) {
			Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getOut());
			assertThat(printed.find()).as("the generated password is printed").isTrue();
			password = printed.group(1);
			assertThat(first.getBean(AuthenticateStaff.class).authenticate("admin", password).block(TIMEOUT))
				.isNotNull();
			code = first.getBean(CodeSigner.class).sign(CodePurpose.CARD, 12345L);
		}
		assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("secrets.properties")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		try (ConfigurableApplicationContext second = start(new ArrayList<>(), onEmbeddedDefaults())) {
			assertThat(second.getBean(CodeSigner.class).verify(CodePurpose.CARD, code)).as("printed cards stay valid")
				.hasValue(12345L);
			assertThat(second.getBean(AuthenticateStaff.class).authenticate("admin", password).block(TIMEOUT))
				.isNotNull();
		}
		assertThat(output.getOut().split("Created the first administrator", -1)).as("created and printed once")
			.hasSize(2);
		assertThat(output.getOut()).doesNotContain("admin/admin");
	}

	@Test
	void should_start_when_a_run_that_crashed_left_a_stale_pid_file() throws Exception {
		UUID storeId = UUID.randomUUID();
		try (ConfigurableApplicationContext first = start(new ArrayList<>(), onEmbeddedDefaults())) {
			insertStore(first, storeId, "Harbour").as(StepVerifier::create).expectNext(1L).verifyComplete();
		}
		long deadPid = pidOfAFinishedProcess();
		Files.writeString(this.dataDir.resolve("postgres/postmaster.pid"), deadPid + "\n" + this.dataDir + "\n");
		Files.writeString(this.dataDir.resolve("redis/redis.pid"), deadPid + "\n");

		try (ConfigurableApplicationContext second = start(new ArrayList<>(), onEmbeddedDefaults())) {
			storeName(second, storeId).as(StepVerifier::create).expectNext("Harbour").expectComplete().verify(TIMEOUT);
		}
	}

	@Test
	void should_start_no_embedded_server_when_connection_settings_are_given() {
		TestDatabase database = TestDatabases.forModule("app");
		String redisUrl = TestRedis.urlFor(3);

		try (ConfigurableApplicationContext context = start(new ArrayList<>(), onEmbeddedDefaults(),
				"spring.r2dbc.url=" + database.r2dbcUrl(), "spring.r2dbc.username=" + database.user(),
				"spring.flyway.url=" + database.jdbcUrl(), "spring.flyway.user=" + database.user(),
				"spring.data.redis.url=" + redisUrl, "punchcard.jwt.secret=" + "j".repeat(40),
				"punchcard.codes.active-key=A", "punchcard.codes.keys.A=" + "k".repeat(40))) {
			assertThat(context.getBeanProvider(EmbeddedServers.class).getIfAvailable()).isNull();
			assertThat(context.getEnvironment()
				.getPropertySources()
				.contains(EmbeddedServersLauncher.PROPERTY_SOURCE_NAME)).isFalse();
			assertThat(context.getEnvironment().getProperty("spring.r2dbc.url")).isEqualTo(database.r2dbcUrl());
			assertThat(context.getEnvironment().getProperty("spring.data.redis.url")).isEqualTo(redisUrl);
			storeName(context, UUID.randomUUID()).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
		}
		assertThat(this.dataDir).isEmptyDirectory();
	}

	private String[] onEmbeddedDefaults() {
		return new String[] { "punchcard.embedded.data-dir=" + this.dataDir, "server.port=0" };
	}

	/**
	 * Passes the settings as command-line arguments:
	 * {@code SpringApplicationBuilder.properties} sets default properties, which
	 * {@code application.yml}'s {@code server.port} and
	 * {@code punchcard.embedded.data-dir} would override.
	 */

	private static ConfigurableApplicationContext start(List<Duration> startups, String[] base, String... more) {
		long began = System.nanoTime();
		String[] arguments = Stream.concat(Arrays.stream(base), Arrays.stream(more))
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PunchcardApplication.class)
			.run(arguments);
		startups.add(Duration.ofNanos(System.nanoTime() - began));
		return context;
	}

	private static Mono<Long> insertStore(ConfigurableApplicationContext context, UUID id, String name) {
		return context.getBean(DatabaseClient.class)
			.sql("INSERT INTO stores (id, code, name) VALUES (:id, :code, :name)")
			.bind("id", id)
			.bind("code", "s-" + id.toString().substring(0, 8))
			.bind("name", name)
			.fetch()
			.rowsUpdated();
	}

	private static Mono<String> storeName(ConfigurableApplicationContext context, UUID id) {
		return context.getBean(DatabaseClient.class)
			.sql("SELECT name FROM stores WHERE id = :id")
			.bind("id", id)
			.map((row) -> row.get("name", String.class))
			.one();
	}

	private static ReactiveStringRedisTemplate redis(ConfigurableApplicationContext context) {
		return context.getBean(ReactiveStringRedisTemplate.class);
	}

	private static long pidOfAFinishedProcess() throws IOException, InterruptedException {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		return process.pid();
	}

}
