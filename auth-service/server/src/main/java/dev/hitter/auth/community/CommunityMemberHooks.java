package dev.hitter.auth.community;

import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.hitter.kit.internal.InternalClientConfiguration;

/** community-service's internal member hooks, called with auth-service's own service token. */
@FeignClient(name = "community-member-hooks", url = "${hitter.internal.community-url:http://127.0.0.1:8082}",
		configuration = InternalClientConfiguration.class)
interface CommunityMemberHooks {

	record Renamed(String displayName) {
	}

	@PostMapping("/internal/v1/members/{id}/renamed")
	void renamed(@PathVariable("id") UUID member, @RequestBody Renamed renamed);

	@PostMapping("/internal/v1/members/{id}/anonymise")
	void anonymise(@PathVariable("id") UUID member);
}
