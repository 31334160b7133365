package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.util.List;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The broadcasts marketers look at: one with its progress, a page of them, and its
 * recipients, a page at a time or all of them streamed (for a download) in pages read one
 * after the other, so the whole list is never in memory.
 */
public class BroadcastCatalog {

	private final Broadcasts broadcasts;

	private final BroadcastReads reads;

	private final Clock clock;

	private final int streamPage;

	private final int maxPage;

	/**
	 * @param streamPage how many recipients {@link #allRecipients} reads per query
	 * @param maxPage the largest page {@link #recipients} answers
	 */
	public BroadcastCatalog(Broadcasts broadcasts, BroadcastReads reads, Clock clock, int streamPage, int maxPage) {
		this.broadcasts = broadcasts;
		this.reads = reads;
		this.clock = clock;
		this.streamPage = streamPage;
		this.maxPage = maxPage;
	}

	/** The largest page of recipients {@link #recipients} answers. */
	public int maxPage() {
		return this.maxPage;
	}

	/** Emits the broadcast with its progress, or completes empty. */
	public Mono<BroadcastView> show(BroadcastId id) {
		return this.broadcasts.find(id)
			.zipWhen((broadcast) -> this.reads.tally(id, this.clock.instant()))
			.map((found) -> BroadcastView.of(found.getT1(), found.getT2()));
	}

	/** Emits the broadcast without its progress, or completes empty. */
	public Mono<Broadcast> find(BroadcastId id) {
		return this.broadcasts.find(id);
	}

	/** Emits one page of broadcasts with their progress, newest first. */
	public Flux<BroadcastView> list(int page, int size) {
		return this.broadcasts.page(page * size, size)
			.concatMap((broadcast) -> this.reads.tally(broadcast.id(), this.clock.instant())
				.map((tally) -> BroadcastView.of(broadcast, tally)));
	}

	/**
	 * Emits one page of the broadcast's recipients; empty when it has none (or no such
	 * broadcast).
	 */
	public Flux<RecipientRow> recipients(BroadcastId id, RecipientQuery query) {
		return this.reads.recipients(id, new RecipientQuery(query.state(), query.channel(), query.after(),
				Math.min(query.limit(), this.maxPage)));
	}

	/** Emits every recipient the query matches after its {@code after}, page by page. */
	public Flux<RecipientRow> allRecipients(BroadcastId id, RecipientQuery query) {
		RecipientQuery paged = new RecipientQuery(query.state(), query.channel(), query.after(), this.streamPage);
		return page(id, paged).expand((rows) -> (rows.size() < this.streamPage) ? Mono.empty()
				: page(id, paged.after(rows.get(rows.size() - 1).id())))
			.concatMapIterable((rows) -> rows);
	}

	private Mono<List<RecipientRow>> page(BroadcastId id, RecipientQuery query) {
		return this.reads.recipients(id, query).collectList();
	}

}
