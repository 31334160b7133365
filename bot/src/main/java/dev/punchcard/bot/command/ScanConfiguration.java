package dev.punchcard.bot.command;

import dev.punchcard.bot.scan.QrDecodingSettings;
import dev.punchcard.bot.scan.QrPhotoDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

	@Bean
	QrPhotoDecoder qrPhotoDecoder() {
		return new QrPhotoDecoder(QrDecodingSettings.defaults());
	}

}
