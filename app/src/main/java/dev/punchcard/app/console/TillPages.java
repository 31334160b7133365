package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.punchcard.app.console.ConsoleFormat.Amount;
import dev.punchcard.app.console.ConsoleFormat.Count;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseCommand;
import dev.punchcard.core.purchase.application.RefundOutcome;
import dev.punchcard.core.purchase.application.RefundPurchase;
import dev.punchcard.core.purchase.application.RefundPurchaseCommand;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.reward.application.HonourVoucher;
import dev.punchcard.core.reward.application.VoucherOutcome;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.application.Stores;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The till's work for shops without a till integration: scan or type the card code,
 * record a purchase or a refund, honour a voucher. The checks are the API's (the same
 * patterns and limits, a cashier only at their own store), the answers the use cases'
 * outcomes in words.
 */
@Controller
class TillPages {

	/** As the API: ten billion currency units in cents. */
	static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

	private static final String CODE = "[\\x21-\\x7E]{1,64}";

	private static final String STORE = "[A-Za-z0-9_-]{1,32}";

	private static final String RESULT = "console/till-parts :: result";

	private final CustomerProfiles profiles;

	private final RecordPurchase recordPurchase;

	private final RefundPurchase refundPurchase;

	private final HonourVoucher honourVoucher;

	private final Stores stores;

	private final LoyaltyProgram program;

	TillPages(CustomerProfiles profiles, RecordPurchase recordPurchase, RefundPurchase refundPurchase,
			HonourVoucher honourVoucher, Stores stores, LoyaltyProgram program) {
		this.profiles = profiles;
		this.recordPurchase = recordPurchase;
		this.refundPurchase = refundPurchase;
		this.honourVoucher = honourVoucher;
		this.stores = stores;
		this.program = program;
	}

	@GetMapping("/console/till")
	String till(@AuthenticationPrincipal ConsoleUser user, Model model) {
		model.addAttribute("stores", this.stores.all().filter((store) -> store.active()).collectList());
		model.addAttribute("currency", this.program.currency().getCurrencyCode());
		return "console/till";
	}

	@GetMapping("/console/till/card")
	Mono<String> card(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal ConsoleUser user,
			Model model) {
		String cardCode = code.strip();
		model.addAttribute("cardCode", cardCode);
		model.addAttribute("currency", this.program.currency().getCurrencyCode());
		model.addAttribute("stores", this.stores.all().filter((store) -> store.active()).collectList());
		if (cardCode.isEmpty() || cardCode.length() > 64 || !PlainText.isSingleLine(cardCode)) {
			return Mono.just(message(model, "error", "till.unknown-card"));
		}
		return this.profiles.byCardCode(cardCode).map((profile) -> {
			model.addAttribute("member", profile);
			return "console/till-parts :: card";
		}).switchIfEmpty(Mono.fromSupplier(() -> message(model, "error", "till.unknown-card")));
	}

	@PostMapping("/console/till/purchases")
	Mono<String> purchase(ServerWebExchange exchange, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return exchange.getFormData().flatMap((form) -> purchase(form, user, model));
	}

	private Mono<String> purchase(MultiValueMap<String, String> form, ConsoleUser user, Model model) {
		String cardCode = text(form, "cardCode");
		String storeCode = (user.storeCode() != null && !user.mayAdminister()) ? user.storeCode()
				: text(form, "storeCode");
		String receiptNo = text(form, "receiptNo");
		OptionalLong amount = minor(text(form, "amount"));
		Optional<List<LineItem>> items = items(form.getFirst("items"));
		if (cardCode.isEmpty() || cardCode.length() > 64 || !PlainText.isSingleLine(cardCode)) {
			return Mono.just(message(model, "error", "till.unknown-card"));
		}
		if (!storeCode.matches(STORE)) {
			return Mono.just(message(model, "error", "till.invalid-store"));
		}
		if (!receiptNo.matches(CODE)) {
			return Mono.just(message(model, "error", "till.invalid-receipt"));
		}
		if (amount.isEmpty()) {
			return Mono.just(message(model, "error", "till.invalid-amount"));
		}
		if (items.isEmpty()) {
			return Mono.just(message(model, "error", "till.invalid-items"));
		}
		if (!user.staff().mayActAt(storeCode)) {
			return Mono.just(message(model, "error", "till.own-store-only", user.storeCode()));
		}
		return this.recordPurchase
			.record(new RecordPurchaseCommand(cardCode, storeCode, receiptNo,
					new Money(amount.getAsLong(), this.program.currency()), items.get(), user.staff().id()))
			.map((outcome) -> recorded(outcome, model));
	}

	@PostMapping("/console/till/refunds")
	Mono<String> refund(ServerWebExchange exchange, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return exchange.getFormData().flatMap((form) -> refund(form, user, model));
	}

	private Mono<String> refund(MultiValueMap<String, String> form, ConsoleUser user, Model model) {
		Optional<UUID> purchaseId = uuid(text(form, "purchaseId"));
		String refundNo = text(form, "refundNo");
		OptionalLong amount = minor(text(form, "amount"));
		if (purchaseId.isEmpty()) {
			return Mono.just(message(model, "error", "till.unknown-purchase"));
		}
		if (!refundNo.matches(CODE)) {
			return Mono.just(message(model, "error", "till.invalid-refund-no"));
		}
		if (amount.isEmpty()) {
			return Mono.just(message(model, "error", "till.invalid-amount"));
		}
		return this.refundPurchase
			.refund(new RefundPurchaseCommand(new PurchaseId(purchaseId.get()), refundNo, amount.getAsLong(),
					user.staff().id()))
			.map((outcome) -> refunded(outcome, model));
	}

	@PostMapping("/console/till/vouchers")
	Mono<String> honour(ServerWebExchange exchange, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			String code = text(form, "voucherCode").replace(" ", "");
			if (!code.matches(CODE)) {
				return Mono.just(message(model, "error", "till.voucher-unknown"));
			}
			return this.honourVoucher.honour(code, user.staff().id()).map((outcome) -> honoured(outcome, model));
		});
	}

	private String recorded(PurchaseOutcome outcome, Model model) {
		return switch (outcome) {
			case PurchaseOutcome.Credited credited -> {
				model.addAttribute("receipt", credited.receipt());
				yield message(model, "ok", "till.recorded", points(credited.receipt().pointsEarned()),
						points(credited.receipt().balance()), credited.receipt().tier());
			}
			case PurchaseOutcome.AlreadyRecorded again -> {
				model.addAttribute("receipt", again.receipt());
				yield message(model, "ok", "till.already-recorded", points(again.receipt().balance()));
			}
			case PurchaseOutcome.ReceiptConflict conflict ->
				message(model, "error", "till.receipt-conflict", conflict.receiptNo());
			case PurchaseOutcome.UnknownCard unknown -> message(model, "error", "till.unknown-card");
			case PurchaseOutcome.UnknownStore unknown ->
				message(model, "error", "till.unknown-store", unknown.storeCode());
			case PurchaseOutcome.WrongCurrency wrong ->
				message(model, "error", "till.wrong-currency", wrong.expected());
			case PurchaseOutcome.CustomerBlocked blocked -> message(model, "error", "till.blocked");
		};
	}

	private String refunded(RefundOutcome outcome, Model model) {
		return switch (outcome) {
			case RefundOutcome.Refunded refunded ->
				message(model, "ok", "till.refunded", points(refunded.receipt().pointsReversed()),
						points(refunded.receipt().balance()), refunded.receipt().tier());
			case RefundOutcome.AlreadyRefunded again ->
				message(model, "ok", "till.already-refunded", points(again.receipt().balance()));
			case RefundOutcome.RefundConflict conflict ->
				message(model, "error", "till.refund-conflict", conflict.refundNo());
			case RefundOutcome.UnknownPurchase unknown -> message(model, "error", "till.unknown-purchase");
			case RefundOutcome.ExceedsPurchase exceeds -> message(model, "error", "till.refund-too-large",
					new Amount(exceeds.refundableMinor(), this.program.currency().getCurrencyCode()));
		};
	}

	private String honoured(VoucherOutcome outcome, Model model) {
		return switch (outcome) {
			case VoucherOutcome.Honoured honoured -> message(model, "ok", "till.voucher-honoured");
			case VoucherOutcome.Cancelled cancelled -> message(model, "error", "till.voucher-cancelled");
			case VoucherOutcome.AlreadyHonoured used -> message(model, "error", "till.voucher-used", used.honouredAt());
			case VoucherOutcome.AlreadyCancelled cancelled -> message(model, "error", "till.voucher-cancelled");
			case VoucherOutcome.UnknownVoucher unknown -> message(model, "error", "till.voucher-unknown");
		};
	}

	private static String message(Model model, String kind, String key, Object... arguments) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("arguments", arguments);
		return RESULT;
	}

	/** The amount in the program's minor units, or empty unless positive and in range. */
	private OptionalLong minor(String amount) {
		try {
			BigDecimal value = new BigDecimal(amount.replace(',', '.'))
				.movePointRight(this.program.currency().getDefaultFractionDigits());
			if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
					|| value.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR)) > 0) {
				return OptionalLong.empty();
			}
			return OptionalLong.of(value.longValueExact());
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return OptionalLong.empty();
		}
	}

	private static Count points(long points) {
		return new Count(points, "points");
	}

	/**
	 * Line items, one a line as {@code sku; quantity; unit price[; name]}; empty when a
	 * line is wrong (the API's limits: 500 items, quantity up to a million).
	 */
	private Optional<List<LineItem>> items(String text) {
		List<LineItem> items = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return Optional.of(items);
		}
		if (text.length() > 50_000 || !PlainText.isMultiLine(text)) {
			return Optional.empty();
		}
		for (String line : text.strip().split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(";", -1);
			if (fields.length < 3 || fields.length > 4 || items.size() >= 500) {
				return Optional.empty();
			}
			String sku = fields[0].strip();
			String name = (fields.length == 4) ? fields[3].strip() : null;
			OptionalLong price = minorOrZero(fields[2].strip());
			Optional<Integer> quantity = quantity(fields[1].strip());
			if (sku.isEmpty() || sku.length() > 64 || (name != null && name.length() > 200) || price.isEmpty()
					|| quantity.isEmpty()) {
				return Optional.empty();
			}
			items.add(new LineItem(sku, (name == null || name.isEmpty()) ? null : name, null, quantity.get(),
					price.getAsLong()));
		}
		return Optional.of(items);
	}

	private OptionalLong minorOrZero(String amount) {
		if (amount.matches("0+([.,]0*)?")) {
			return OptionalLong.of(0);
		}
		return minor(amount);
	}

	private static Optional<Integer> quantity(String text) {
		if (!text.matches("[0-9]{1,7}")) {
			return Optional.empty();
		}
		int quantity = Integer.parseInt(text);
		return (quantity < 1 || quantity > 1_000_000) ? Optional.empty() : Optional.of(quantity);
	}

	private static Optional<UUID> uuid(String text) {
		if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(text));
	}

	static String text(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value == null) ? "" : value.strip();
	}

}
