package dev.punchcard.core.imports.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.imports.domain.SourceLine;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RunImportTest {

	private final InMemoryImports imports = new InMemoryImports();

	private final InMemoryImportFiles files = new InMemoryImportFiles(10_000);

	private final List<Integer> chunkSizes = new ArrayList<>();

	/** Accepts every line whose first field is not "bad", rejecting those. */
	private final ImportChunks chunks = new ImportChunks() {

		@Override
		public List<String> requiredColumns() {
			return List.of("id");
		}

		@Override
		public Mono<ChunkResult> importChunk(CsvHeader header, List<SourceLine> lines, boolean historical) {
			RunImportTest.this.chunkSizes.add(lines.size());
			List<Rejection> rejections = lines.stream()
				.filter((line) -> "bad".equals(line.fields().get(0)))
				.map((line) -> new Rejection(line.lineNo(), "bad line"))
				.toList();
			return Mono.just(new ChunkResult(lines.size() - rejections.size(), 0, rejections));
		}

	};

	private final RunImport run = new RunImport(this.files, this.imports,
			Map.of(ImportKind.MEMBERS, this.chunks, ImportKind.PURCHASES, this.chunks), 2, TestClock.fixed());

	private final StartImport start = new StartImport(this.files, this.imports, this.run, (id, work) -> work.then(),
			TestClock.fixed());

	@Test
	void should_import_in_chunks_adding_counts_and_rejections_after_each_and_complete() {
		ImportView started = started("id\nok\nbad\nok\nok\nbad\n");

		ImportView done = this.imports.find(started.id()).block();
		assertThat(this.chunkSizes).containsExactly(2, 2, 1);
		assertThat(this.imports.updates).extracting(ImportView::rowsRead).containsExactly(2L, 4L, 5L);
		assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
		assertThat(done.accepted()).isEqualTo(3);
		assertThat(done.rejected()).isEqualTo(2);
		assertThat(done.percent()).isEqualTo(100.0);
		assertThat(this.imports.allRejections(started.id()).collectList().block())
			.containsExactly(new Rejection(3, "bad line"), new Rejection(6, "bad line"));
		assertThat(this.files.exists(started.id())).isFalse();
	}

	@Test
	void should_fail_with_the_missing_columns_when_the_header_lacks_one() {
		ImportView started = started("name\nok\n");

		ImportView done = this.imports.find(started.id()).block();
		assertThat(done.state()).isEqualTo(ImportState.FAILED);
		assertThat(done.failure()).contains("lacks the column(s) id");
		assertThat(this.chunkSizes).isEmpty();
	}

	@Test
	void should_stop_taking_chunks_when_another_instance_marked_the_import_interrupted() {
		ImportView view = this.imports
			.create(dev.punchcard.core.imports.domain.ImportId.random(), ImportKind.MEMBERS, false, 100, null,
					TestClock.NOW)
			.block();
		this.files.save(view.id(), Flux.just(ByteBuffer.wrap("id\nok\nok\nok\nok\n".getBytes(StandardCharsets.UTF_8))))
			.block();
		this.imports.interrupt(view.id());

		this.run.run(view).as(StepVerifier::create).expectNext(ImportState.INTERRUPTED).verifyComplete();

		assertThat(this.imports.find(view.id()).block().rowsRead()).isZero();
	}

	@Test
	void should_answer_too_large_and_keep_nothing_when_the_upload_passes_the_limit() {
		this.start.start(ImportKind.MEMBERS, false, null, Flux.just(ByteBuffer.wrap(new byte[10_001])))
			.as(StepVerifier::create)
			.expectNext(new StartOutcome.TooLarge(10_000))
			.verifyComplete();

		assertThat(this.imports.list(0, 10).collectList().block()).isEmpty();
	}

	@Test
	void should_mark_only_imports_with_a_stale_heartbeat_interrupted() {
		ImportView stale = this.imports
			.create(dev.punchcard.core.imports.domain.ImportId.random(), ImportKind.MEMBERS, false, 1, null,
					TestClock.NOW.minus(Duration.ofMinutes(3)))
			.block();
		ImportView fresh = this.imports
			.create(dev.punchcard.core.imports.domain.ImportId.random(), ImportKind.MEMBERS, false, 1, null,
					TestClock.NOW.minus(Duration.ofSeconds(30)))
			.block();

		new InterruptStaleImports(this.imports, Duration.ofMinutes(2), TestClock.fixed()).sweep()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();

		assertThat(this.imports.find(stale.id()).block().state()).isEqualTo(ImportState.INTERRUPTED);
		assertThat(this.imports.find(fresh.id()).block().state()).isEqualTo(ImportState.RUNNING);
	}

	private ImportView started(String file) {
		StartOutcome outcome = this.start
			.start(ImportKind.MEMBERS, false, null, Flux.just(ByteBuffer.wrap(file.getBytes(StandardCharsets.UTF_8))))
			.block();
		assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
		return ((StartOutcome.Started) outcome).importView();
	}

}
