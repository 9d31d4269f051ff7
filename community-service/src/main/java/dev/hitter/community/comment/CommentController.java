package dev.hitter.community.comment;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.community.paging.PageSize;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Comments and replies on posts, and their likes. */
@RestController
@Tag(name = "Community comments", description = "Comments with one level of replies, and their likes")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class CommentController {

	private final Comments comments;

	CommentController(Comments comments) {
		this.comments = comments;
	}

	@Operation(summary = "List a post's comments",
			description = "Top comments oldest first, a page at a time (keyset), each with all its replies.")
	@ApiResponse(responseCode = "200", description = "A page of comments")
	@ApiResponse(responseCode = "400", description = "validation-failed: size or cursor",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such post",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/api/v1/community/posts/{id}/comments")
	CursorPage<Comment> list(Member member, @PathVariable UUID id, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int size) {
		return comments.page(member, id, cursor, PageSize.checked(size));
	}

	@Operation(summary = "Comment on a post, or reply to a comment",
			description = "parentId: a top comment of the same post (replies go one level deep). The post's author "
					+ "(and, for a reply, the comment's author) is notified. Needs a verified e-mail address.")
	@ApiResponse(responseCode = "201", description = "The comment")
	@ApiResponse(responseCode = "400", description = "validation-failed: body or parentId",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "email-unverified: the member has not verified their e-mail "
			+ "address yet", content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such post",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/api/v1/community/posts/{id}/comments")
	ResponseEntity<Comment> create(Member member, @PathVariable UUID id,
			@Valid @RequestBody CommentForms.NewComment form) {
		member.requireVerifiedEmail();
		Comment comment = comments.create(member, id, form);
		return ResponseEntity.created(URI.create("/api/v1/community/comments/" + comment.id())).body(comment);
	}

	@Operation(summary = "Change my comment", description = "Only the author; anyone else gets 404.")
	@ApiResponse(responseCode = "200", description = "The comment as changed")
	@ApiResponse(responseCode = "400", description = "validation-failed: body",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such comment of the caller's",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PatchMapping("/api/v1/community/comments/{id}")
	Comment change(Member member, @PathVariable UUID id, @Valid @RequestBody CommentForms.CommentChanges changes) {
		return comments.change(member, id, changes);
	}

	@Operation(summary = "Delete my comment",
			description = "Only the author; anyone else gets 404. A comment with replies stays as 'deleted'.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "not-found: no such comment of the caller's",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@DeleteMapping("/api/v1/community/comments/{id}")
	ResponseEntity<Void> delete(Member member, @PathVariable UUID id) {
		comments.delete(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Like a comment", description = "Idempotent: liking twice counts once.")
	@ApiResponse(responseCode = "204", description = "The caller likes the comment")
	@ApiResponse(responseCode = "404", description = "not-found: no such comment",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping("/api/v1/community/comments/{id}/like")
	ResponseEntity<Void> like(Member member, @PathVariable UUID id) {
		comments.like(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Take back a like on a comment", description = "Idempotent.")
	@ApiResponse(responseCode = "204", description = "The caller does not like the comment")
	@ApiResponse(responseCode = "404", description = "not-found: no such comment",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@DeleteMapping("/api/v1/community/comments/{id}/like")
	ResponseEntity<Void> unlike(Member member, @PathVariable UUID id) {
		comments.unlike(member, id);
		return ResponseEntity.noContent().build();
	}
}
