package dev.punchcard.bot.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.purchase.application.PurchaseLine;
import dev.punchcard.core.purchase.application.Purchases;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /purchases}: the latest purchases, five per page, with paging buttons
 * ({@code pu:<page>}).
 */
@Component
class PurchasesCommand extends MemberCommand implements ButtonHandler {

	static final int PAGE_SIZE = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final Purchases purchases;

	PurchasesCommand(Purchases purchases, Menus menus) {
		super(menus);
		this.purchases = purchases;
	}

	@Override
	public Set<String> commands() {
		return Set.of("purchases");
	}

	@Override
	public String prefix() {
		return "pu";
	}

	@Override
	public Mono<List<OutgoingMessage>> press(ChatContext context, String data) {
		int page = data.matches("\\d{1,6}") ? Integer.parseInt(data) : 0;
		return handle(context, Integer.toString(page));
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		int page = argument.matches("\\d{1,6}") ? Integer.parseInt(argument) : 0;
		return this.purchases.countOf(customer.id())
			.flatMap((total) -> this.purchases.historyOf(customer.id(), page, PAGE_SIZE)
				.collectList()
				.map((lines) -> List.of(render(context.language(), page, total, lines))));
	}

	private OutgoingMessage render(String language, int page, long total, List<PurchaseLine> lines) {
		if (total == 0) {
			return this.menus.text(language, "purchases.none");
		}
		long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
		MarkedText text = this.menus.marked(language, "purchases.title", page + 1, pages);
		for (PurchaseLine line : lines) {
			text = text.append("\n")
				.append(this.menus.marked(language, "purchases.line", DAY.format(line.recordedAt()), line.storeName(),
						Amounts.format(line.amountMinor(), line.currency()), line.pointsEarned()));
			if (line.refundedMinor() > 0) {
				text = text.append(" ")
					.append(this.menus.marked(language, "purchases.refunded",
							Amounts.format(line.refundedMinor(), line.currency())));
			}
		}
		List<Button> paging = new ArrayList<>();
		if (page > 0) {
			paging.add(this.menus.button(language, "purchases.newer", "pu:" + (page - 1)));
		}
		if (page + 1 < pages) {
			paging.add(this.menus.button(language, "purchases.older", "pu:" + (page + 1)));
		}
		return new OutgoingMessage.Text(text, paging.isEmpty() ? List.of() : List.of(paging));
	}

}
