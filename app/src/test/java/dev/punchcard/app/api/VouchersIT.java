package dev.punchcard.app.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.Random.class)
class VouchersIT extends ApiIT {

	private String store;

	private String cashier;

	private JsonNode customer;

	@BeforeEach
	void givenACustomerWithPoints() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.customer = this.till.enrol(this.cashier, "Voucher Vera");
		this.till.purchase(this.cashier, this.customer.get("cardCode").asText(), this.store, "R-1", 100_00,
				HttpStatus.CREATED);
	}

	@Test
	void should_honour_a_voucher_exactly_once() {
		String code = redeem(this.till.reward("Tote bag", 30, 5).get("id").asText(), HttpStatus.CREATED)
			.get("voucherCode")
			.asText();

		this.till.post(this.cashier, "/api/v1/vouchers/" + code + "/honour", Map.of(), HttpStatus.OK);
		JsonNode again = this.till.post(this.cashier, "/api/v1/vouchers/" + code + "/honour", Map.of(),
				HttpStatus.CONFLICT);

		assertThat(again.get("title").asText()).isEqualTo("Voucher already used");
		this.till.post(this.cashier, "/api/v1/vouchers/" + code + "/cancel", Map.of(), HttpStatus.CONFLICT);
	}

	@Test
	void should_give_points_and_stock_back_when_an_unused_voucher_is_cancelled() {
		String reward = this.till.reward("Mug", 40, 1).get("id").asText();
		JsonNode voucher = redeem(reward, HttpStatus.CREATED);
		assertThat(voucher.get("balance").asLong()).isEqualTo(60);
		redeem(reward, HttpStatus.UNPROCESSABLE_ENTITY);

		JsonNode cancelled = this.till.post(this.cashier,
				"/api/v1/vouchers/" + voucher.get("voucherCode").asText() + "/cancel", Map.of(), HttpStatus.OK);

		assertThat(cancelled.get("balance").asLong()).isEqualTo(100);
		redeem(reward, HttpStatus.CREATED);
		this.till.post(this.cashier, "/api/v1/vouchers/" + voucher.get("voucherCode").asText() + "/honour", Map.of(),
				HttpStatus.CONFLICT);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_answer_the_same_voucher_when_a_redemption_request_is_repeated() {
		String reward = this.till.reward("Pen", 10, null).get("id").asText();
		Map<String, String> request = Map.of("rewardId", reward, "requestKey", "tap-123");

		JsonNode first = this.till.post(this.cashier, redemptions(), request, HttpStatus.CREATED);
		JsonNode second = this.till.post(this.cashier, redemptions(), request, HttpStatus.OK);

		assertThat(second.get("voucherCode")).isEqualTo(first.get("voucherCode"));
		assertThat(second.get("balance").asLong()).isEqualTo(90);
	}

	@Test
	void should_explain_when_the_balance_is_too_low_or_the_reward_inactive() {
		String expensive = this.till.reward("Bike", 1_000, null).get("id").asText();
		JsonNode problem = redeem(expensive, HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(problem.get("detail").asText()).contains("1000").contains("100");

		this.till.post(this.till.adminToken(), "/api/v1/rewards/" + expensive + "/deactivate", Map.of(), HttpStatus.OK);
		assertThat(redeem(expensive, HttpStatus.UNPROCESSABLE_ENTITY).get("title").asText())
			.isEqualTo("Unknown reward");
	}

	@Test
	void should_serve_the_member_card_as_a_qr_png_that_decodes_to_the_card_code() throws Exception {
		byte[] png = this.http.get()
			.uri("/api/v1/customers/" + this.customer.get("customerId").asText() + "/card.png?size=300")
			.headers((headers) -> headers.setBearerAuth(this.cashier))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		assertThat(decode(png)).isEqualTo(this.customer.get("cardCode").asText());
	}

	private JsonNode redeem(String rewardId, HttpStatus expected) {
		return this.till.post(this.cashier, redemptions(), Map.of("rewardId", rewardId), expected);
	}

	private String redemptions() {
		return "/api/v1/customers/" + this.customer.get("customerId").asText() + "/redemptions";
	}

	private static String decode(byte[] png) throws IOException, NotFoundException, Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

}
