package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class DoneMarksTest {

	/** Every write waits until the test ends it. */
	private final List<Collection<String>> writes = new CopyOnWriteArrayList<>();

	private final List<Sinks.Empty<Void>> pending = new CopyOnWriteArrayList<>();

	private final DoneMarks marks = new DoneMarks(this::write, 3, Duration.ofSeconds(5));

	@Test
	void should_write_a_lone_mark_at_once() {
		List<String> completed = new ArrayList<>();

		this.marks.mark("1").subscribe(null, null, () -> completed.add("1"));

		assertThat(this.writes).containsExactly(List.of("1"));
		assertThat(completed).isEmpty();
		endWrite(0);
		assertThat(completed).containsExactly("1");
	}

	@Test
	void should_write_the_marks_that_came_during_a_write_together_in_the_next() {
		List<String> completed = new CopyOnWriteArrayList<>();
		for (String id : List.of("1", "2", "3", "4", "5", "6")) {
			this.marks.mark(id).subscribe(null, null, () -> completed.add(id));
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
		Mono<Void> first = this.marks.mark("1");
		List<Throwable> errors = new ArrayList<>();
		first.subscribe(null, errors::add);
		List<String> completed = new ArrayList<>();
		this.marks.mark("2").subscribe(null, null, () -> completed.add("2"));

		this.pending.get(0).tryEmitError(new IllegalStateException("database down"));

		assertThat(errors).extracting(Throwable::getMessage).containsExactly("database down");
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2"));
		endWrite(1);
		assertThat(completed).containsExactly("2");
	}

	@Test
	void should_fail_the_marks_of_a_write_that_does_not_end_in_time() {
		DoneMarks impatient = new DoneMarks(this::write, 3, Duration.ofMillis(50));

		impatient.mark("1").as(StepVerifier::create).expectError(java.util.concurrent.TimeoutException.class).verify();
		// the next mark is written again
		impatient.mark("2").subscribe();
		assertThat(this.writes).containsExactly(List.of("1"), List.of("2"));
	}

	private Mono<Void> write(Collection<String> ids) {
		this.writes.add(List.copyOf(ids));
		Sinks.Empty<Void> done = Sinks.empty();
		this.pending.add(done);
		return done.asMono();
	}

	private void endWrite(int index) {
		this.pending.get(index).tryEmitEmpty();
	}

}
