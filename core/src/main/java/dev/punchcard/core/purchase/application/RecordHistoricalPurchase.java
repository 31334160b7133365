package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseAccounts.HolderBalance;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.ReceiptConflict;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownStore;
import dev.punchcard.core.purchase.application.PurchaseOutcome.WrongCurrency;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.domain.Store;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A purchase from before the program (an import marked historical) is recorded for the
 * member's history and analytics only: once per (store, receipt number) as a live one,
 * with the same checks (active store, valid card, member not blocked), but earning no
 * points, writing no ledger entry, changing no tier and telling nobody. It still counts
 * in the member's net spend from then on, as any purchase does. Answers {@link Credited}
 * with zero points when recorded now.
 */
public class RecordHistoricalPurchase {

	private final PurchaseParties parties;

	private final PurchaseAccounts accounts;

	private final Purchases purchases;

	private final LoyaltyProgram program;

	private final Clock clock;

	public RecordHistoricalPurchase(PurchaseParties parties, PurchaseAccounts accounts, Purchases purchases,
			LoyaltyProgram program, Clock clock) {
		this.parties = parties;
		this.accounts = accounts;
		this.purchases = purchases;
		this.program = program;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<PurchaseOutcome> record(RecordPurchaseCommand command) {
		Instant at = (command.at() != null) ? command.at() : this.clock.instant();
		return PurchaseChecks.thenRecord(this.parties, this.program, command,
				(store, cardNumber) -> this.accounts.find(cardNumber, store.id(), command.receiptNo(), at)
					.flatMap((account) -> recordOn(account, store, command, at))
					.switchIfEmpty(Mono.fromSupplier(UnknownCard::new)));
	}

	/**
	 * Records a chunk of historical purchases with a few statements for them all, not a
	 * few for each: the stores once per code, the card holders in one read, the receipts
	 * already recorded in another, the new purchases and their items in one insert. Emits
	 * the outcome of each command, in order, as {@link #record} would have; the commands'
	 * (store, receipt) should be distinct (a repeated one answers as recorded before).
	 */
	public Mono<List<PurchaseOutcome>> recordAll(List<RecordPurchaseCommand> commands) {
		Set<String> storeCodes = new HashSet<>();
		commands.forEach((command) -> storeCodes.add(command.storeCode()));
		return Flux.fromIterable(storeCodes)
			.flatMap(this.parties::store)
			.collectMap(Store::code)
			.flatMap((stores) -> checked(commands, stores));
	}

	private Mono<List<PurchaseOutcome>> checked(List<RecordPurchaseCommand> commands, Map<String, Store> stores) {
		// as PurchaseChecks: currency, store, card; null for a command that passed them
		@Nullable PurchaseOutcome[] outcomes = new PurchaseOutcome[commands.size()];
		long[] cardNumbers = new long[commands.size()];
		Set<Long> cards = new HashSet<>();
		for (int i = 0; i < commands.size(); i++) {
			RecordPurchaseCommand command = commands.get(i);
			OptionalLong cardNumber = this.parties.cardNumber(command.cardCode());
			if (!this.program.accepts(command.amount())) {
				outcomes[i] = new WrongCurrency(this.program.currency().getCurrencyCode());
			}
			else if (!stores.containsKey(command.storeCode())) {
				outcomes[i] = new UnknownStore(command.storeCode());
			}
			else if (cardNumber.isEmpty()) {
				outcomes[i] = new UnknownCard();
			}
			else {
				cardNumbers[i] = cardNumber.getAsLong();
				cards.add(cardNumber.getAsLong());
			}
		}
		if (cards.isEmpty()) {
			return Mono.just(Arrays.asList(outcomes));
		}
		return this.accounts.holders(cards)
			.collectMap((found) -> found.holder().cardNumber())
			.zipWith(recorded(commands, stores, outcomes))
			.flatMap((found) -> insert(commands, stores, outcomes, cardNumbers, found.getT1(), found.getT2()));
	}

	/**
	 * The purchases already recorded for the commands still open, by store and receipt.
	 */
	private Mono<Map<String, Purchase>> recorded(List<RecordPurchaseCommand> commands, Map<String, Store> stores,
			@Nullable PurchaseOutcome[] outcomes) {
		List<StoreId> storeIds = new ArrayList<>();
		List<String> receiptNos = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			if (outcomes[i] == null) {
				storeIds.add(stores.get(commands.get(i).storeCode()).id());
				receiptNos.add(commands.get(i).receiptNo());
			}
		}
		return this.purchases.findByReceipts(storeIds, receiptNos)
			.collectMap((purchase) -> receiptKey(purchase.storeId(), purchase.receiptNo()));
	}

	private Mono<List<PurchaseOutcome>> insert(List<RecordPurchaseCommand> commands, Map<String, Store> stores,
			@Nullable PurchaseOutcome[] outcomes, long[] cardNumbers, Map<Long, HolderBalance> holders,
			Map<String, Purchase> recorded) {
		Instant now = this.clock.instant();
		@Nullable Purchase[] toInsert = new Purchase[commands.size()];
		List<Purchase> purchases = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			if (outcomes[i] != null) {
				continue;
			}
			RecordPurchaseCommand command = commands.get(i);
			Store store = stores.get(command.storeCode());
			HolderBalance account = holders.get(cardNumbers[i]);
			Purchase known = recorded.get(receiptKey(store.id(), command.receiptNo()));
			if (account == null) {
				outcomes[i] = new UnknownCard();
			}
			else if (known != null) {
				outcomes[i] = RecordPurchase.replayOf(known, account.holder(), command);
			}
			else if (account.holder().status() == CustomerStatus.BLOCKED) {
				outcomes[i] = new CustomerBlocked();
			}
			else {
				toInsert[i] = historical(account.holder(), account.balance(), store, command,
						(command.at() != null) ? command.at() : now);
				purchases.add(toInsert[i]);
			}
		}
		if (purchases.isEmpty()) {
			return Mono.just(Arrays.asList(outcomes));
		}
		return this.purchases.insertAllIfAbsent(purchases)
			.collect(HashSet<PurchaseId>::new, Set::add)
			.flatMap((inserted) -> settle(commands, outcomes, toInsert, holders, cardNumbers, inserted));
	}

	/**
	 * Those inserted are credited (with no points); the others were recorded meanwhile,
	 * or earlier in the list, and answer as a replay does.
	 */
	private Mono<List<PurchaseOutcome>> settle(List<RecordPurchaseCommand> commands,
			@Nullable PurchaseOutcome[] outcomes, @Nullable Purchase[] toInsert, Map<Long, HolderBalance> holders,
			long[] cardNumbers, Set<PurchaseId> inserted) {
		List<StoreId> storeIds = new ArrayList<>();
		List<String> receiptNos = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			Purchase purchase = toInsert[i];
			if (purchase != null && inserted.contains(purchase.id())) {
				outcomes[i] = new Credited(RecordPurchase.receiptOf(purchase));
			}
			else if (purchase != null) {
				storeIds.add(purchase.storeId());
				receiptNos.add(purchase.receiptNo());
			}
		}
		if (storeIds.isEmpty()) {
			return Mono.just(Arrays.asList(outcomes));
		}
		return this.purchases.findByReceipts(storeIds, receiptNos)
			.collectMap((purchase) -> receiptKey(purchase.storeId(), purchase.receiptNo()))
			.map((known) -> {
				for (int i = 0; i < commands.size(); i++) {
					Purchase purchase = toInsert[i];
					if (purchase != null && outcomes[i] == null) {
						Purchase there = known.get(receiptKey(purchase.storeId(), purchase.receiptNo()));
						outcomes[i] = (there == null) ? new ReceiptConflict(purchase.receiptNo())
								: RecordPurchase.replayOf(there, holders.get(cardNumbers[i]).holder(), commands.get(i));
					}
				}
				return Arrays.asList(outcomes);
			});
	}

	private static String receiptKey(StoreId storeId, String receiptNo) {
		return storeId.value() + "\n" + receiptNo;
	}

	/**
	 * The purchase as history: no points, the tier as it is, the balance as it is.
	 */
	private static Purchase historical(Customer holder, Points balance, Store store, RecordPurchaseCommand command,
			Instant at) {
		return new Purchase(PurchaseId.random(), holder.id(), store.id(), command.receiptNo(), command.amount(), 0,
				holder.tier(), 0, 0, balance.value(), holder.tier(), command.cashierId(), at, command.items());
	}

	private Mono<PurchaseOutcome> recordOn(PurchaseAccount account, Store store, RecordPurchaseCommand command,
			Instant at) {
		Purchase recorded = account.recorded();
		if (recorded != null) {
			return Mono.just(RecordPurchase.replayOf(recorded, account.holder(), command));
		}
		if (account.holder().status() == CustomerStatus.BLOCKED) {
			return Mono.just(new CustomerBlocked());
		}
		Purchase purchase = historical(account.holder(), account.balance(), store, command, at);
		return this.purchases.insertIfAbsent(purchase)
			.<PurchaseOutcome>map((inserted) -> new Credited(RecordPurchase.receiptOf(inserted)))
			.switchIfEmpty(Mono.defer(() -> this.purchases.findByReceipt(store.id(), command.receiptNo())
				.map((known) -> RecordPurchase.replayOf(known, account.holder(), command))));
	}

}
