package dev.punchcard.core.shared.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

	/** Every write waits until the test ends it; each item's result is its upper case. */
	private final List<List<String>> writes = new CopyOnWriteArrayList<>();

	private final List<Sinks.One<List<String>>> pending = new CopyOnWriteArrayList<>();

	private final GroupCommit<String, String> marks = new GroupCommit<>(this::write, 3, Duration.ofSeconds(5));

	@Test
	void should_write_a_lone_mark_at_once() {
		List<String> completed = new ArrayList<>();

		this.marks.submit("1").subscribe(null, null, () -> completed.add("1"));

		assertThat(this.writes).containsExactly(List.of("1"));
		assertThat(completed).isEmpty();
		endWrite(0);
		assertThat(completed).containsExactly("1");
	}

	@Test
	void should_write_the_marks_that_came_during_a_write_together_in_the_next() {
		List<String> completed = new CopyOnWriteArrayList<>();
		for (String id : List.of("1", "2", "3", "4", "5", "6")) {
			this.marks.submit(id).subscribe(null, null, () -> completed.add(id));
		}
		assertThat(this.writes).containsExactly(List.of("1"));

		endWrite(0);
		// at most three in one write
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2", "3", "4"));
		assertThat(completed).containsExactly("1");

		endWrite(1);
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2", "3", "4"), List.of("5", "6"));
		assertThat(completed).containsExactly("1", "2", "3", "4");

		endWrite(2);
		assertThat(completed).containsExactly("1", "2", "3", "4", "5", "6");
	}

	@Test
	void should_fail_the_marks_of_a_failed_write_and_go_on_with_the_next() {
		Mono<String> first = this.marks.submit("1");
		List<Throwable> errors = new ArrayList<>();
		first.subscribe(null, errors::add);
		List<String> completed = new ArrayList<>();
		this.marks.submit("2").subscribe(null, null, () -> completed.add("2"));

		this.pending.get(0).tryEmitError(new IllegalStateException("database down"));

		assertThat(errors).extracting(Throwable::getMessage).containsExactly("database down");
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2"));
		endWrite(1);
		assertThat(completed).containsExactly("2");
	}

	@Test
	void should_fail_the_marks_of_a_write_that_does_not_end_in_time() {
		GroupCommit<String, String> impatient = new GroupCommit<>(this::write, 3, Duration.ofMillis(50));

		impatient.submit("1")
			.as(StepVerifier::create)
			.expectError(java.util.concurrent.TimeoutException.class)
			.verify();
		// the next mark is written again
		impatient.submit("2").subscribe();
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2"));
	}

	@Test
	void should_emit_each_item_its_own_result() {
		List<String> results = new CopyOnWriteArrayList<>();
		for (String id : List.of("a", "b", "c")) {
			this.marks.submit(id).subscribe(results::add);
		}
		endWrite(0);
		endWrite(1);

		assertThat(results).containsExactly("A", "B", "C");
	}

	@Test
	void should_fail_every_item_when_a_write_gives_the_wrong_number_of_results() {
		GroupCommit<String, String> broken = new GroupCommit<>((items) -> Mono.just(List.of()), 3,
				Duration.ofSeconds(5));

		broken.submit("1").as(StepVerifier::create).expectError(IllegalStateException.class).verify();
	}

	private Mono<List<String>> write(List<String> ids) {
		this.writes.add(List.copyOf(ids));
		Sinks.One<List<String>> done = Sinks.one();
		this.pending.add(done);
		return done.asMono();
	}

	private void endWrite(int index) {
		List<String> ids = this.writes.get(index);
		this.pending.get(index).tryEmitValue(ids.stream().map(String::toUpperCase).toList());
	}

}
