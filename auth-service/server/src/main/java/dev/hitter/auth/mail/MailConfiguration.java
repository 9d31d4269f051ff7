package dev.hitter.auth.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Expired mail links are purged on a schedule ({@link MailTokens#purge()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {
}
