package dev.hitter.community.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.community.paging.PageSize;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own notifications. */
@RestController
@RequestMapping("/api/v1/community/notifications")
@Tag(name = "Community notifications", description = "Comments, replies and likes on the caller's content")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	/** @param ids the notifications to mark read; all of the caller's when absent */
	record ReadForm(@Size(max = 100) List<UUID> ids) {
	}

	record UnreadCount(long count) {
	}

	@Operation(summary = "My notifications", description = "Newest first, a page at a time (keyset).")
	@ApiResponse(responseCode = "200", description = "A page of notifications")
	@ApiResponse(responseCode = "400", description = "validation-failed: size or cursor",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping
	CursorPage<Notification> list(Member member, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int size) {
		return notifications.page(member, cursor, PageSize.checked(size));
	}

	@Operation(summary = "How many of my notifications are unread")
	@ApiResponse(responseCode = "200", description = "The unread count")
	@GetMapping("/unread-count")
	UnreadCount unread(Member member) {
		return new UnreadCount(notifications.unread(member));
	}

	@Operation(summary = "Mark my notifications read", description = "The given ids, or all when ids is absent.")
	@ApiResponse(responseCode = "204", description = "Marked")
	@ApiResponse(responseCode = "400", description = "validation-failed: ids (at most 100); malformed-request",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/read")
	ResponseEntity<Void> markRead(Member member, @Valid @RequestBody(required = false) ReadForm form) {
		notifications.markRead(member, form == null ? null : form.ids());
		return ResponseEntity.noContent().build();
	}
}
