package dev.hitter.auth.partner;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.partner.PartnerClients.ClientList;
import dev.hitter.auth.partner.PartnerClients.ClientWithSecret;
import dev.hitter.kit.apidocs.ConflictAnswer;
import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An approved partner's API clients: create (the secret shown once), list, rotate, revoke. */
@RestController
@Tag(name = "Partner clients", description = "API clients of approved partners (OAuth2 client credentials)")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "unauthorized",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class PartnerClientsController {

	private final PartnerClients clients;

	PartnerClientsController(PartnerClients clients) {
		this.clients = clients;
	}

	@Operation(summary = "My API clients",
			description = "The member's own clients, revoked ones included, newest first; never a secret.")
	@ApiResponse(responseCode = "200", description = "The clients")
	@ForbiddenAnswer("forbidden: a partner client's token")
	@GetMapping("/api/v1/auth/partner-clients")
	ClientList list(Member member) {
		return clients.list(member.id());
	}

	@Operation(summary = "Create an API client",
			description = "Needs approved partner access. Answers the client id and its secret — shown this once and "
					+ "stored only as a hash — and the token URL. At most 10 clients may be active (not revoked). "
					+ "Recorded in the audit log (`PARTNER_CLIENT_CREATED`).")
	@ApiResponse(responseCode = "201", description = "Created; the secret is in this answer only")
	@ValidationAnswers("validation-failed (`name` 1–80 characters, `scopes` one or more of predictions:read, "
					+ "predictions:write, jobs:write); malformed-request")
	@ForbiddenAnswer("partner-access-required: not approved; forbidden: a partner client's token")
	@ConflictAnswer("too-many-clients: 10 active already")
	@PostMapping("/api/v1/auth/partner-clients")
	ResponseEntity<ClientWithSecret> create(Member member, @Valid @RequestBody NewPartnerClient request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(clients.create(member.id(), request));
	}

	@Operation(summary = "Rotate an API client's secret",
			description = "Answers a new secret, shown this once. The old secret stops working at once, and tokens "
					+ "issued before now are refused by the gateway and every service within 30 s (a token asked for "
					+ "with the new secret in the same second is issued at the next one, so it keeps working). Recorded in the audit log "
					+ "(`PARTNER_CLIENT_SECRET_ROTATED`).")
	@ApiResponse(responseCode = "200", description = "The new secret")
	@ForbiddenAnswer("partner-access-required: no longer approved; forbidden: a partner client's token")
	@NotFoundAnswer("not-found: no such client of the member, or it is revoked")
	@PostMapping("/api/v1/auth/partner-clients/{clientId}/secret")
	ResponseEntity<ClientWithSecret> rotate(Member member, @PathVariable String clientId) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(clients.rotate(member.id(), clientId));
	}

	@Operation(summary = "Revoke an API client",
			description = "The token endpoint refuses it at once; its tokens are refused by the gateway and every "
					+ "service within 30 s. It stays in the list, revoked. Revoking it again changes nothing. Recorded "
					+ "in the audit log (`PARTNER_CLIENT_REVOKED`).")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ForbiddenAnswer("forbidden: a partner client's token")
	@NotFoundAnswer("not-found: no such client of the member")
	@DeleteMapping("/api/v1/auth/partner-clients/{clientId}")
	ResponseEntity<Void> revoke(Member member, @PathVariable String clientId) {
		clients.revoke(member.id(), clientId);
		return ResponseEntity.noContent().build();
	}
}
