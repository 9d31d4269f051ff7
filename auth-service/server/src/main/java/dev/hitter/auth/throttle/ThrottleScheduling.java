package dev.hitter.auth.throttle;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link LoginThrottle}'s clean-up of forgotten counters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ThrottleScheduling {
}
