package dev.punchcard.app.fuzz;

/**
 * What exists before a campaign starts, so that generated requests can name real things
 * (and then mutate them).
 *
 * @param storeCode the cashier's store
 * @param otherStoreCode another store
 * @param customerId an enrolled customer with points
 * @param cardCode that customer's card code
 * @param rewardId an active reward
 * @param purchaseId a recorded purchase
 * @param voucherCode an issued voucher
 * @param staffId a staff member (not the one whose token is used)
 * @param segmentId a saved segment
 * @param telegramTemplateId a Telegram template with the placeholder {@code first_name}
 * @param broadcastId a draft broadcast to that segment with that template
 */
public record World(String storeCode, String otherStoreCode, String customerId, String cardCode, String rewardId,
		String purchaseId, String voucherCode, String staffId, String segmentId, String telegramTemplateId,
		String broadcastId) {
}
